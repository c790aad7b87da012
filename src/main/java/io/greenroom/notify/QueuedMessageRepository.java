package io.greenroom.notify;

import org.springframework.data.jpa.repository.JpaRepository;

interface QueuedMessageRepository extends JpaRepository<QueuedMessage, Long> {

}
