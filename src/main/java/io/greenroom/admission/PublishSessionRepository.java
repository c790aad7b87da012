package io.greenroom.admission;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PublishSessionRepository extends JpaRepository<PublishSession, Long> {

	List<PublishSession> findTop50ByAppNameAndSlotNameOrderByStartedAtDesc(String appName, String slotName);

	List<PublishSession> findByEndedAtIsNull();

}
