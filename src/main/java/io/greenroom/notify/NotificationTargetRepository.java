package io.greenroom.notify;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationTargetRepository extends JpaRepository<NotificationTarget, Long> {

	List<NotificationTarget> findAllByOrderByNameAsc();

}
