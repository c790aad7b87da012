package io.greenroom.call;

import java.time.Instant;

/**
 * One joiner's hold on a slot of an app's call.
 *
 * @param id the seat's random id, which only the joiner's page knows: it renews and ends
 * the hold
 * @param app the app name
 * @param slotId the slot's id
 * @param slot the slot name
 * @param name the participant's name, shown on their tile
 * @param heldUntil when the hold lapses unless renewed
 */
record Seat(String id, String app, long slotId, String slot, String name, Instant heldUntil) {

	Seat renewedUntil(Instant until) {
		return new Seat(this.id, this.app, this.slotId, this.slot, this.name, until);
	}

	@Override
	public String toString() {
		return "Seat[" + this.app + "/" + this.slot + ", " + this.name + "]";
	}

}
