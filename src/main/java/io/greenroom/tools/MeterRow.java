package io.greenroom.tools;

/**
 * One slot's row on the all-slots latency page.
 *
 * @param slot the slot's name
 * @param displayName the slot's display name
 * @param source the signalling URL OvenPlayer dials, with a viewer link for a private app
 * @param meterUrl the slot's own meter page
 */
record MeterRow(String slot, String displayName, String source, String meterUrl) {
}
