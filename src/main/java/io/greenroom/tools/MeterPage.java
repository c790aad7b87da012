package io.greenroom.tools;

/**
 * What the latency meter page needs about one slot.
 *
 * @param app the app's name
 * @param slot the slot's name
 * @param displayName the slot's display name
 * @param source the signalling URL OvenPlayer dials, with a viewer link for a private app
 * @param liveUrl where the page follows which slots are live
 * @param whipUrl where the page asks for the slot's WHIP URL when it sends the clock
 * itself
 */
record MeterPage(String app, String slot, String displayName, String source, String liveUrl, String whipUrl) {
}
