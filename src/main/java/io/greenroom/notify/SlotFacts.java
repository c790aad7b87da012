package io.greenroom.notify;

/**
 * What a message needs to know about a slot beyond its event.
 *
 * @param displayName the slot's display name, or its name when it has none
 * @param privateApp whether the app's viewing is private
 */
record SlotFacts(String displayName, boolean privateApp) {

	/** Looks up a slot; off the admission path. */
	interface Source {

		SlotFacts facts(String app, String slot);

	}

}
