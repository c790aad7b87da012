package io.greenroom.stream;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A stream slot within an app, such as {@code show/slot-1}: one streamer publishes to it
 * with the slot's own secret. The slot name is OME's stream name; the secret never is.
 */
@Entity
@Table(name = "slot")
public class Slot {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "app_id", nullable = false)
	private App app;

	@Column(nullable = false, length = 64)
	private String name;

	@Column(name = "display_name", nullable = false, length = 100)
	private String displayName;

	@Column(name = "bitrate_kbps", nullable = false)
	private int bitrateKbps;

	@Column(nullable = false)
	private boolean enabled;

	@Column(name = "publish_secret", nullable = false, length = 64)
	private String publishSecret;

	@Column(name = "secret_rotated_at", nullable = false)
	private Instant secretRotatedAt;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Slot() {
	}

	public Slot(App app, String name, String displayName, int bitrateKbps, PublishSecret secret, Instant now) {
		this.app = app;
		this.name = name;
		this.displayName = displayName;
		this.bitrateKbps = bitrateKbps;
		this.enabled = true;
		this.publishSecret = secret.value();
		this.secretRotatedAt = now;
		this.createdAt = now;
	}

	public Long getId() {
		return this.id;
	}

	public App getApp() {
		return this.app;
	}

	public String getName() {
		return this.name;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public int getBitrateKbps() {
		return this.bitrateKbps;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public PublishSecret getPublishSecret() {
		return new PublishSecret(this.publishSecret);
	}

	public Instant getSecretRotatedAt() {
		return this.secretRotatedAt;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	void update(String name, String displayName, int bitrateKbps, boolean enabled) {
		this.name = name;
		this.displayName = displayName;
		this.bitrateKbps = bitrateKbps;
		this.enabled = enabled;
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	void rotateSecret(PublishSecret secret, Instant now) {
		this.publishSecret = secret.value();
		this.secretRotatedAt = now;
	}

	@Override
	public String toString() {
		return "Slot[" + this.name + ", secret=<redacted>]";
	}

}
