package io.greenroom.stream;

/**
 * What a producer sets on a slot: everything but the secret, which only the catalogue
 * makes.
 *
 * @param name OME stream name, see {@link Names}
 * @param displayName label shown on pages and to the producer
 * @param bitrateKbps planned video bitrate for OBS, in kbit/s
 * @param enabled whether the slot may publish
 */
public record SlotDraft(String name, String displayName, int bitrateKbps, boolean enabled) {
}
