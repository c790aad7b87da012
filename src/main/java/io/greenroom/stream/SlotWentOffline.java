package io.greenroom.stream;

import java.time.Instant;

/**
 * A slot's publisher stopped: closed, replaced, kicked or lost.
 *
 * @param app the app name
 * @param slot the slot name
 * @param reason why, as recorded in the session history
 * @param at when
 */
public record SlotWentOffline(String app, String slot, String reason, Instant at) {
}
