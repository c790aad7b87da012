package io.greenroom.stream;

/**
 * An app with how many slots it has, for the dashboard list.
 *
 * @param id the app's id
 * @param name the app's name
 * @param slotCount how many slots it has
 */
public record AppSummary(Long id, String name, long slotCount) {
}
