package io.greenroom.ome;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The fingerprint of the {@code Server.xml} OME was last started with: when the file
 * written now differs, OME needs a restart to see it.
 */
@Entity
@Table(name = "ome_applied")
class OmeApplied {

	static final long ID = 1L;

	@Id
	private Long id;

	@Column(nullable = false, length = 64)
	private String fingerprint;

	@Column(name = "applied_at", nullable = false)
	private Instant appliedAt;

	protected OmeApplied() {
	}

	OmeApplied(String fingerprint, Instant appliedAt) {
		this.id = ID;
		this.fingerprint = fingerprint;
		this.appliedAt = appliedAt;
	}

	String getFingerprint() {
		return this.fingerprint;
	}

	Instant getAppliedAt() {
		return this.appliedAt;
	}

	void applied(String fingerprint, Instant at) {
		this.fingerprint = fingerprint;
		this.appliedAt = at;
	}

}
