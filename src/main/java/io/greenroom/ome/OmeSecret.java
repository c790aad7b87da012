package io.greenroom.ome;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A secret shared with OME, generated once and kept: the API access token and the
 * admission webhook's key.
 */
@Entity
@Table(name = "ome_secret")
class OmeSecret {

	@Id
	private String name;

	@Column(nullable = false, length = 128)
	private String secret;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected OmeSecret() {
	}

	OmeSecret(String name, String secret, Instant createdAt) {
		this.name = name;
		this.secret = secret;
		this.createdAt = createdAt;
	}

	String getSecret() {
		return this.secret;
	}

	@Override
	public String toString() {
		return "OmeSecret[" + this.name + ", <redacted>]";
	}

}
