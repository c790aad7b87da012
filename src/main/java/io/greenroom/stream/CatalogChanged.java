package io.greenroom.stream;

import java.time.Instant;

/**
 * Published after any app or slot was created, changed or deleted, including secret
 * rotation: whatever caches the catalogue reloads.
 *
 * @param at when the change happened
 */
public record CatalogChanged(Instant at) {
}
