package io.greenroom.stream;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SlotRepository extends JpaRepository<Slot, Long> {

	@EntityGraph(attributePaths = "app")
	List<Slot> findByAppIdOrderByNameAsc(Long appId);

	@EntityGraph(attributePaths = "app")
	Optional<Slot> findByAppIdAndId(Long appId, Long id);

	@EntityGraph(attributePaths = "app")
	Optional<Slot> findByAppNameAndName(String app, String name);

	@EntityGraph(attributePaths = "app")
	Optional<Slot> findWithAppById(Long id);

	@Query("select new io.greenroom.stream.SlotRow(a.name, s.id, s.name, s.displayName, s.publishSecret, s.enabled)"
			+ " from Slot s join s.app a")
	List<SlotRow> findAllRows();

	@Query("select new io.greenroom.stream.SlotRow(a.name, s.id, s.name, s.displayName, s.publishSecret, s.enabled)"
			+ " from Slot s join s.app a where a.id = :appId")
	List<SlotRow> findRowsByAppId(Long appId);

	boolean existsByAppIdAndName(Long appId, String name);

	long countByAppId(Long appId);

}
