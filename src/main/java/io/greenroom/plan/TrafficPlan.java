package io.greenroom.plan;

/**
 * The traffic of one show on one server, in decimal units as hosts bill them (1 Mbit =
 * 1,000,000 bits, 1 GB = 8 Gbit).
 *
 * @param streamKbps one stream's video plus audio bitrate, kbit/s
 * @param streamsIn streams arriving from streamers
 * @param streamsOut streams leaving to viewers
 * @param inMbps total arriving, Mbit/s
 * @param outMbps total leaving, Mbit/s
 * @param outGbitPerDay leaving per day, Gbit
 * @param outTbitPerMonth leaving per month, Tbit
 * @param outGbPerMonth leaving per month, GB, to hold against the host's allowance
 * @param linkShare share of the link the outgoing traffic fills (1 = full)
 * @param allowanceShare share of the monthly allowance used (1 = all of it)
 * @param viewersPerLink outgoing streams the link carries at this bitrate
 * @param edges edge servers needed for the viewers, counting
 * {@link Planner#VIEWERS_PER_SERVER} viewers per 1 GB / 2 GHz server; 0 when this server
 * carries them alone
 */
public record TrafficPlan(int streamKbps, long streamsIn, long streamsOut, double inMbps, double outMbps,
		double outGbitPerDay, double outTbitPerMonth, double outGbPerMonth, double linkShare, double allowanceShare,
		long viewersPerLink, long edges) {

	/** Whether the outgoing traffic fits the link. */
	public boolean fitsLink() {
		return this.linkShare <= 1;
	}

	/** Whether a month of it fits the host's allowance. */
	public boolean fitsAllowance() {
		return this.allowanceShare <= 1;
	}

	/** Whether one server is enough, or edges are needed. */
	public boolean needsEdges() {
		return this.edges > 0;
	}

}
