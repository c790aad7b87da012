package io.greenroom.layout;

import java.util.Map;

/**
 * What {@code /call/APP} needs to build a tile for any slot that goes live.
 *
 * @param app the app name
 * @param displayNames each slot's display name, for the tile labels
 * @param sourceTemplate the signalling URL with {@code {slot}} for the slot name
 */
record CallPage(String app, Map<String, String> displayNames, String sourceTemplate) {
}
