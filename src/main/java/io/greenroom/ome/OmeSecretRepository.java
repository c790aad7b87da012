package io.greenroom.ome;

import org.springframework.data.jpa.repository.JpaRepository;

interface OmeSecretRepository extends JpaRepository<OmeSecret, String> {

}
