package io.greenroom.plan;

/**
 * Bandwidth arithmetic, the user's own rule: total in = (video + audio bitrate) ×
 * incoming streams, and the same for total out. For example 2000 kbit/s video + 256
 * kbit/s audio to 5 viewers is 11.28 Mbit/s out; four hours a day is 162.4 Gbit a day,
 * and 20 such days are 3.25 Tbit, 406 GB, a month.
 */
public final class Planner {

	/**
	 * One-to-many viewers one 1 GB / 2 GHz server carries before its CPU saturates: the
	 * low end of the user's measured estimate of 80 to 100.
	 */
	public static final int VIEWERS_PER_SERVER = 80;

	private Planner() {
	}

	/**
	 * @param videoKbps video bitrate of one stream, kbit/s
	 * @param audioKbps audio bitrate of one stream, kbit/s
	 * @param shape solo, event or call
	 * @param people streamers (solo: ignored, always 1; event: streams; call: people)
	 * @param viewers viewers of each stream (solo), or producers pulling every stream
	 * (event); ignored for a call
	 * @param hoursPerDay hours on air a day
	 * @param daysPerMonth days on air a month
	 * @param linkMbps the server's link, Mbit/s
	 * @param allowanceGb the host's monthly transfer allowance, GB
	 */
	public static TrafficPlan plan(int videoKbps, int audioKbps, Shape shape, int people, int viewers,
			double hoursPerDay, int daysPerMonth, int linkMbps, int allowanceGb) {
		int streamKbps = videoKbps + audioKbps;
		long in = (shape == Shape.SOLO) ? 1 : people;
		long out = switch (shape) {
			case SOLO -> viewers;
			case EVENT -> (long) people * viewers;
			case CALL -> (long) people * people;
		};
		double inMbps = in * streamKbps / 1000.0;
		double outMbps = out * streamKbps / 1000.0;
		double gbitPerDay = outMbps * hoursPerDay * 3600 / 1000;
		double tbitPerMonth = gbitPerDay * daysPerMonth / 1000;
		double gbPerMonth = gbitPerDay * daysPerMonth / 8;
		long viewersPerLink = (long) linkMbps * 1000 / streamKbps;
		long edges = (out <= VIEWERS_PER_SERVER) ? 0 : (out + VIEWERS_PER_SERVER - 1) / VIEWERS_PER_SERVER;
		return new TrafficPlan(streamKbps, in, out, inMbps, outMbps, gbitPerDay, tbitPerMonth, gbPerMonth,
				outMbps / linkMbps, gbPerMonth / allowanceGb, viewersPerLink, edges);
	}

}
