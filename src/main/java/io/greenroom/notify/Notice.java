package io.greenroom.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Something to tell a target about, with everything its message needs except the links,
 * which depend on the target.
 *
 * @param kind what happened
 * @param app the app name
 * @param slot the slot name
 * @param displayName the slot's display name (the slot name when it has none)
 * @param privateApp whether the app's viewing is private (links need a viewer token)
 * @param protocol {@code WHIP} or {@code RTMP}, when it went live
 * @param liveFor how long it was live, when it went offline; how long OME has not
 * answered, for OME's notices
 * @param ended how it ended, when it went offline: {@code closed}, {@code kicked},
 * {@code lost} or {@code replaced}
 * @param address who was refused, for a wrong key; OME's API address, for OME's notices
 * @param refusal what admission told them, for a wrong key; the last error, when OME is
 * unreachable
 * @param at when it happened
 * @param reconnects drops shorter than the grace period since the last message
 */
record Notice(Kind kind, String app, String slot, String displayName, boolean privateApp, @Nullable String protocol,
		@Nullable Duration liveFor, @Nullable String ended, @Nullable String address, @Nullable String refusal,
		Instant at, List<Reconnect> reconnects) {

	enum Kind {

		LIVE("slot.live"), OFFLINE("slot.offline"), WRONG_KEY("publish.refused"), OME_DOWN("ome.unreachable"),
		OME_BACK("ome.reachable"), TEST("test");

		private final String event;

		Kind(String event) {
			this.event = event;
		}

		/** The {@code event} field of the signed webhook body. */
		String event() {
			return this.event;
		}

	}

	/**
	 * A drop that was back within the grace period, so it made no offline/live pair.
	 *
	 * @param droppedAt when the stream dropped
	 * @param away how long it was gone
	 */
	record Reconnect(Instant droppedAt, Duration away) {
	}

	static Notice live(String app, String slot, String displayName, boolean privateApp, String protocol, Instant at,
			List<Reconnect> reconnects) {
		return new Notice(Kind.LIVE, app, slot, displayName, privateApp, protocol, null, null, null, null, at,
				reconnects);
	}

	static Notice offline(String app, String slot, String displayName, boolean privateApp, @Nullable Duration liveFor,
			String ended, Instant at, List<Reconnect> reconnects) {
		return new Notice(Kind.OFFLINE, app, slot, displayName, privateApp, null, liveFor, ended, null, null, at,
				reconnects);
	}

	static Notice wrongKey(String app, String slot, String address, String refusal, Instant at) {
		return new Notice(Kind.WRONG_KEY, app, slot, slot, false, null, null, null, address, refusal, at, List.of());
	}

	/**
	 * OME's API has not answered since {@code since}.
	 * @param api where Greenroom reaches it
	 * @param problem what the last attempt said
	 */
	static Notice omeDown(String api, String problem, Instant since, Instant at) {
		return new Notice(Kind.OME_DOWN, "", "", "OME", false, null, Duration.between(since, at), null, api, problem,
				at, List.of());
	}

	/** OME's API answers again after {@code away}. */
	static Notice omeBack(String api, Duration away, Instant at) {
		return new Notice(Kind.OME_BACK, "", "", "OME", false, null, away, null, api, null, at, List.of());
	}

	/** Whether it is about OME itself rather than a slot. */
	boolean aboutOme() {
		return this.kind == Kind.OME_DOWN || this.kind == Kind.OME_BACK;
	}

	static Notice test(Instant at) {
		return new Notice(Kind.TEST, "show", "slot-1", "Racer 1", false, "WHIP", null, null, null, null, at, List.of());
	}

	Notice withReconnects(List<Reconnect> more) {
		if (more.isEmpty()) {
			return this;
		}
		List<Reconnect> all = new java.util.ArrayList<>(this.reconnects);
		all.addAll(more);
		return new Notice(this.kind, this.app, this.slot, this.displayName, this.privateApp, this.protocol,
				this.liveFor, this.ended, this.address, this.refusal, this.at, List.copyOf(all));
	}

}
