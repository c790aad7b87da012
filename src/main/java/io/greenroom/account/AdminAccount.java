package io.greenroom.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one admin login. Only the BCrypt hash of the password is stored.
 */
@Entity
@Table(name = "admin_account")
class AdminAccount {

	static final long ID = 1L;

	@Id
	private Long id;

	@Column(nullable = false, length = 64)
	private String username;

	@Column(name = "password_hash", nullable = false, length = 100)
	private String passwordHash;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected AdminAccount() {
	}

	AdminAccount(String username, String passwordHash, Instant now) {
		this.id = ID;
		this.username = username;
		this.passwordHash = passwordHash;
		this.updatedAt = now;
	}

	String getUsername() {
		return this.username;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

	void change(String username, String passwordHash, Instant now) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.updatedAt = now;
	}

	@Override
	public String toString() {
		return "AdminAccount[" + this.username + ", hash=<redacted>]";
	}

}
