package io.greenroom.stream;

import java.time.Instant;

/**
 * Admission refused a publish because its app, slot or stream key was wrong: someone may
 * be guessing keys.
 *
 * @param app the app name as asked for
 * @param slot the slot name as asked for
 * @param address the client's address (its real IP when OME knows it)
 * @param reason why, as told to OME: {@code unknown app}, {@code unknown slot},
 * {@code missing stream key} or {@code wrong stream key}
 * @param at when
 */
public record PublishRefused(String app, String slot, String address, String reason, Instant at) {
}
