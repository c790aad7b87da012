package io.greenroom.notify;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A message that was still waiting to be sent when Greenroom stopped, sent after the next
 * start unless it is stale by then.
 */
@Entity
@Table(name = "notification_outbox")
class QueuedMessage {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "target_id", nullable = false)
	private Long targetId;

	@Column(nullable = false, length = 8000)
	private String body;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected QueuedMessage() {
	}

	QueuedMessage(Long targetId, String body, Instant createdAt) {
		this.targetId = targetId;
		this.body = body;
		this.createdAt = createdAt;
	}

	Long getTargetId() {
		return this.targetId;
	}

	String getBody() {
		return this.body;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

}
