package io.greenroom.live;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The whole board of one app at one moment: what each event carries.
 *
 * @param app the app's name
 * @param at when OME was last asked, in epoch milliseconds
 * @param omeReachable whether OME answered the last poll
 * @param omeUrl where OME's API is
 * @param omeDownSince when OME stopped answering, in epoch milliseconds, or null
 * @param omeProblem why, in words, or null
 * @param live how many slots are on air
 * @param viewers WebRTC viewers of the app's slots together
 * @param cards one per slot, by name
 */
public record BoardView(String app, long at, boolean omeReachable, String omeUrl, @Nullable Long omeDownSince,
		@Nullable String omeProblem, int live, int viewers, List<SlotCard> cards) {
}
