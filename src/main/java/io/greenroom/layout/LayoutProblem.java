package io.greenroom.layout;

import org.jspecify.annotations.Nullable;

/**
 * Why a layout cannot be saved, said so the producer can fix it.
 *
 * @param slotId the slot whose box is wrong, or null for the layout itself
 * @param field the property at fault: {@code name}, {@code width}, {@code height},
 * {@code backgroundColor}, or for a box {@code x}, {@code y}, {@code width},
 * {@code height}, {@code volume}
 * @param message one sentence for the form
 */
public record LayoutProblem(@Nullable Long slotId, String field, String message) {
}
