package io.greenroom.stream;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AppRepository extends JpaRepository<App, Long> {

	Optional<App> findByName(String name);

	boolean existsByName(String name);

	List<App> findAllByOrderByNameAsc();

}
