package io.greenroom.admission;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * One publish to a slot, from admission to close. Never holds the secret or the URL.
 */
@Entity
@Table(name = "publish_session")
public class PublishSession {

	@Id
	private long id;

	@Column(name = "slot_id")
	private @Nullable Long slotId;

	@Column(name = "app_name", nullable = false, length = 64)
	private String appName;

	@Column(name = "slot_name", nullable = false, length = 64)
	private String slotName;

	@Column(nullable = false, length = 16)
	private String protocol;

	@Column(name = "client_address", nullable = false, length = 64)
	private String clientAddress;

	@Column(name = "client_port", nullable = false)
	private int clientPort;

	@Column(name = "real_ip", length = 64)
	private @Nullable String realIp;

	@Column(name = "user_agent", length = 512)
	private @Nullable String userAgent;

	@Column(name = "started_at", nullable = false)
	private Instant startedAt;

	@Column(name = "ended_at")
	private @Nullable Instant endedAt;

	@Column(name = "end_reason", length = 16)
	private @Nullable String endReason;

	protected PublishSession() {
	}

	PublishSession(long id, long slotId, String appName, String slotName, String protocol, String clientAddress,
			int clientPort, @Nullable String realIp, @Nullable String userAgent, Instant startedAt) {
		this.id = id;
		this.slotId = slotId;
		this.appName = appName;
		this.slotName = slotName;
		this.protocol = protocol;
		this.clientAddress = clientAddress;
		this.clientPort = clientPort;
		this.realIp = realIp;
		this.userAgent = (userAgent != null && userAgent.length() > 512) ? userAgent.substring(0, 512) : userAgent;
		this.startedAt = startedAt;
	}

	void end(Instant at, String reason) {
		if (this.endedAt == null) {
			this.endedAt = at;
			this.endReason = reason;
		}
	}

	public long getId() {
		return this.id;
	}

	/**
	 * The slot's id; null for sessions recorded before version 5 whose slot was gone by
	 * then.
	 */
	public @Nullable Long getSlotId() {
		return this.slotId;
	}

	public String getAppName() {
		return this.appName;
	}

	public String getSlotName() {
		return this.slotName;
	}

	public String getProtocol() {
		return this.protocol;
	}

	public String getClientAddress() {
		return this.clientAddress;
	}

	public int getClientPort() {
		return this.clientPort;
	}

	public @Nullable String getRealIp() {
		return this.realIp;
	}

	public @Nullable String getUserAgent() {
		return this.userAgent;
	}

	public Instant getStartedAt() {
		return this.startedAt;
	}

	public @Nullable Instant getEndedAt() {
		return this.endedAt;
	}

	public @Nullable String getEndReason() {
		return this.endReason;
	}

}
