package io.greenroom.ome;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * OME answered a poll: the streams it has now in each app it was asked about. An app
 * missing from {@code byApp} was not asked about, so nothing is known of it.
 *
 * @param byApp the streams of each app asked about, possibly none
 * @param at when OME was asked
 */
public record OmeStreamsListed(Map<String, List<OmeStream>> byApp, Instant at) {
}
