package io.greenroom.layout;

/**
 * What a player page needs.
 *
 * @param app the app name
 * @param slot the slot name
 * @param displayName the slot's display name, for the title
 * @param source the WebRTC signalling URL OvenPlayer dials (with the viewer token of a
 * private app; never a publish secret)
 */
record PlayerPage(String app, String slot, String displayName, String source) {
}
