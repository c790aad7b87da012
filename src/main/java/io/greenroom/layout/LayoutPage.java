package io.greenroom.layout;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@code /layout/APP/LAYOUT} draws: the canvas and a box per placed slot.
 *
 * @param app the app name
 * @param name the layout name
 * @param width canvas width in pixels
 * @param height canvas height in pixels
 * @param background a CSS colour, {@code transparent} for OBS
 * @param offlineCard whether an offline slot shows a card instead of nothing
 * @param boxes the placed slots, bottom first
 */
record LayoutPage(String app, String name, int width, int height, String background, boolean offlineCard,
		List<Box> boxes) {

	/**
	 * One placed slot.
	 *
	 * @param slot the slot name
	 * @param title what the offline card says: the label, or the slot's display name
	 * @param label the name shown over the live picture, or null
	 * @param x left edge in canvas pixels
	 * @param y top edge in canvas pixels
	 * @param width width in canvas pixels
	 * @param height height in canvas pixels
	 * @param z stacking order, higher in front
	 * @param cover whether the picture fills the box, cropped
	 * @param volume 0 to 100
	 * @param muted whether the slot is silent
	 * @param source the signalling URL the player dials
	 * @param textSize label and card text size in pixels, from the box's height
	 */
	record Box(String slot, String title, @Nullable String label, int x, int y, int width, int height, int z,
			boolean cover, int volume, boolean muted, String source, int textSize) {
	}

}
