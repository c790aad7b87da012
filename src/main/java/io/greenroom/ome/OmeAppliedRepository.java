package io.greenroom.ome;

import org.springframework.data.jpa.repository.JpaRepository;

interface OmeAppliedRepository extends JpaRepository<OmeApplied, Long> {

}
