package io.greenroom.stream;

import java.time.Instant;

/**
 * Published after an app was created, renamed, changed or deleted: everything that
 * changes OME's {@code Server.xml}. Slot changes never publish it.
 *
 * @param at when the change happened
 */
public record AppsChanged(Instant at) {
}
