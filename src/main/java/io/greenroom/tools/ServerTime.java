package io.greenroom.tools;

/**
 * Greenroom's clock, for pages that compare their own clock with it.
 *
 * @param now milliseconds since the epoch
 */
record ServerTime(long now) {
}
