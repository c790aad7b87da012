package io.greenroom.admission;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PublishSessionRepository extends JpaRepository<PublishSession, Long> {

	List<PublishSession> findTop50BySlotIdOrderByIdDesc(long slotId);

	List<PublishSession> findByEndedAtIsNull();

}
