package io.greenroom.stream;

import java.time.Instant;

/**
 * A streamer started publishing to a slot and OME was told to let them in.
 *
 * @param app the app name
 * @param slot the slot name
 * @param protocol {@code RTMP} or {@code WebRTC}
 * @param at when
 */
public record SlotWentLive(String app, String slot, String protocol, Instant at) {
}
