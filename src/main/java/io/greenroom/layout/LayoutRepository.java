package io.greenroom.layout;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface LayoutRepository extends JpaRepository<Layout, Long> {

	List<Layout> findByAppIdOrderByNameAsc(Long appId);

	Optional<Layout> findByAppIdAndId(Long appId, Long id);

	Optional<Layout> findByAppIdAndName(Long appId, String name);

	boolean existsByAppIdAndName(Long appId, String name);

}
