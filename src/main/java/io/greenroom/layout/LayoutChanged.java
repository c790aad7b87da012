package io.greenroom.layout;

import org.jspecify.annotations.Nullable;

/**
 * A layout was saved or deleted, so open layout pages can follow.
 *
 * @param app the app name
 * @param name the layout's name before the change
 * @param newName its name after the change, or null when it was deleted
 */
public record LayoutChanged(String app, String name, @Nullable String newName) {
}
