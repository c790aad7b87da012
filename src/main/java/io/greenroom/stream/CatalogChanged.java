package io.greenroom.stream;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Published after any app or slot was created, changed or deleted, including secret
 * rotation: whatever caches the catalogue reloads.
 *
 * @param at when the change happened
 * @param appId the one app whose settings or slots changed (it may be gone now), or null
 * when it may have been any
 */
public record CatalogChanged(Instant at, @Nullable Long appId) {

	/** A change that may have touched any app. */
	public CatalogChanged(Instant at) {
		this(at, null);
	}

}
