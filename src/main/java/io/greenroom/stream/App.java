package io.greenroom.stream;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * An OME application, such as {@code show}: the first path segment of every publish and
 * play URL.
 */
@Entity
@Table(name = "app")
public class App {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true, length = 64)
	private String name;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private boolean llhls;

	@Column(name = "webrtc_rtx", nullable = false)
	private boolean webrtcRtx;

	@Column(name = "webrtc_ulpfec", nullable = false)
	private boolean webrtcUlpfec;

	@Column(name = "webrtc_jitter_buffer", nullable = false)
	private boolean webrtcJitterBuffer;

	@Column(name = "playout_delay_min_ms")
	private @Nullable Integer playoutDelayMinMs;

	@Column(name = "playout_delay_max_ms")
	private @Nullable Integer playoutDelayMaxMs;

	@Column(name = "private_viewing", nullable = false)
	private boolean privateViewing;

	@Enumerated(EnumType.STRING)
	@Column(name = "on_duplicate", nullable = false, length = 16)
	private DuplicatePublisher onDuplicate = DuplicatePublisher.DENY;

	@Column(name = "participant_generation", nullable = false)
	private int participantGeneration;

	protected App() {
	}

	public App(String name, Instant createdAt) {
		this.name = name;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	void rename(String name) {
		this.name = name;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public AppSettings getSettings() {
		return new AppSettings(this.llhls, this.webrtcRtx, this.webrtcUlpfec, this.webrtcJitterBuffer,
				this.playoutDelayMinMs, this.playoutDelayMaxMs);
	}

	/**
	 * The generation of the app's call participant link: raising it invalidates every
	 * link issued before.
	 */
	public int getParticipantGeneration() {
		return this.participantGeneration;
	}

	void nextParticipantGeneration() {
		this.participantGeneration++;
	}

	public AccessPolicy getAccessPolicy() {
		return new AccessPolicy(this.privateViewing, this.onDuplicate);
	}

	void applyAccessPolicy(AccessPolicy policy) {
		this.privateViewing = policy.privateViewing();
		this.onDuplicate = policy.onDuplicate();
	}

	void applySettings(AppSettings settings) {
		this.llhls = settings.llhls();
		this.webrtcRtx = settings.rtx();
		this.webrtcUlpfec = settings.ulpfec();
		this.webrtcJitterBuffer = settings.jitterBuffer();
		this.playoutDelayMinMs = settings.playoutDelayMinMs();
		this.playoutDelayMaxMs = settings.playoutDelayMaxMs();
	}

	@Override
	public String toString() {
		return "App[" + this.name + "]";
	}

}
