package io.greenroom.admission;

import java.security.SecureRandom;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps refusals from flooding the log. Each kind of refusal gets at most
 * {@value #LINES_PER_NETWORK} lines a minute per network (an IPv4 /24, an IPv6 /64) and
 * {@value #LINES_PER_MINUTE} in all; the rest are counted, and once a minute the
 * {@value #SUMMARIES} networks with the most get one line each ("and 5,431 more refused
 * signatures from 203.0.113.0/24 in the last minute"), any others one line together. So a
 * minute of any flood writes at most {@value #LINES_PER_MINUTE} + {@value #SUMMARIES} + 1
 * lines.
 * <p>
 * Like {@link KeyGuard}, the counts live in a fixed table allocated once: a network that
 * has to make room for another passes its count on to the "others" line.
 */
class LogBudget implements AutoCloseable {

	/** What was refused, as the summary line names it. */
	enum Kind {

		SIGNATURE("refused admission signatures"), WRONG_KEY("refused stream keys"),
		GUARD("addresses refused for wrong keys");

		private final String plural;

		Kind(String plural) {
			this.plural = plural;
		}

	}

	static final int LINES_PER_NETWORK = 3;

	static final int LINES_PER_MINUTE = 30;

	static final int SUMMARIES = 10;

	private static final int WAYS = 8;

	private static final int SETS = 128;

	private static final Logger logger = LoggerFactory.getLogger(LogBudget.class);

	private final long hashKey = new SecureRandom().nextLong();

	private final boolean[] used = new boolean[SETS * WAYS];

	private final byte[] kinds = new byte[SETS * WAYS];

	private final long[] highs = new long[SETS * WAYS];

	private final long[] lows = new long[SETS * WAYS];

	private final int[] lines = new int[SETS * WAYS];

	private final int[] more = new int[SETS * WAYS];

	private final long[] otherMore = new long[Kind.values().length];

	private final int[] otherNetworks = new int[Kind.values().length];

	private int linesThisMinute;

	private @Nullable ScheduledExecutorService timer;

	/** Starts summing up once a minute, on a background thread named log-budget. */
	void start() {
		ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "log-budget");
			thread.setDaemon(true);
			return thread;
		});
		timer.scheduleAtFixedRate(this::summarizeQuietly, 1, 1, TimeUnit.MINUTES);
		this.timer = timer;
	}

	@Override
	public void close() {
		if (this.timer != null) {
			this.timer.shutdownNow();
		}
	}

	/**
	 * Whether a line about this refusal may be written now; if not, it is counted for the
	 * minute's summary.
	 * @param address the address (or network, as {@code 2001:db8::/64}) to count it
	 * against, as text; an unreadable one is counted with all other unreadable ones
	 */
	boolean allow(Kind kind, @Nullable String address) {
		int slash = (address != null) ? address.indexOf('/') : -1;
		IpAddress ip = IpAddress.parse((slash < 0) ? address : address.substring(0, slash));
		IpAddress network = (ip != null) ? ip.network() : new IpAddress(0, 0);
		synchronized (this) {
			int record = find(kind, network);
			if (this.lines[record] < LINES_PER_NETWORK && this.linesThisMinute < LINES_PER_MINUTE) {
				this.lines[record]++;
				this.linesThisMinute++;
				return true;
			}
			this.more[record]++;
			return false;
		}
	}

	/** Writes the summary lines for the minute gone and starts a new one. */
	void summarize() {
		record Summary(Kind kind, String network, long count) {
		}
		List<Summary> summaries = new ArrayList<>();
		long[] others = new long[Kind.values().length];
		int[] otherCounts = new int[Kind.values().length];
		synchronized (this) {
			for (int record = 0; record < this.used.length; record++) {
				if (this.used[record] && this.more[record] > 0) {
					summaries.add(new Summary(Kind.values()[this.kinds[record]],
							networkText(this.highs[record], this.lows[record]), this.more[record]));
				}
				this.used[record] = false;
				this.lines[record] = 0;
				this.more[record] = 0;
			}
			for (int kind = 0; kind < others.length; kind++) {
				others[kind] = this.otherMore[kind];
				otherCounts[kind] = this.otherNetworks[kind];
				this.otherMore[kind] = 0;
				this.otherNetworks[kind] = 0;
			}
			this.linesThisMinute = 0;
		}
		summaries.sort(Comparator.comparingLong(Summary::count).reversed());
		NumberFormat number = NumberFormat.getIntegerInstance(Locale.ENGLISH);
		for (int i = 0; i < summaries.size(); i++) {
			Summary summary = summaries.get(i);
			if (i < SUMMARIES) {
				logger.warn("... and {} more {} from {} in the last minute", number.format(summary.count()),
						summary.kind().plural, summary.network());
			}
			else {
				others[summary.kind().ordinal()] += summary.count();
				otherCounts[summary.kind().ordinal()]++;
			}
		}
		for (Kind kind : Kind.values()) {
			if (others[kind.ordinal()] > 0) {
				logger.warn("... and {} more {} from {} other networks in the last minute",
						number.format(others[kind.ordinal()]), kind.plural, number.format(otherCounts[kind.ordinal()]));
			}
		}
	}

	private void summarizeQuietly() {
		try {
			summarize();
		}
		catch (RuntimeException ex) {
			logger.error("Could not sum up refused requests", ex);
		}
	}

	private int find(Kind kind, IpAddress network) {
		long tag = hash(kind, network);
		int first = (int) Long.remainderUnsigned(tag, SETS) * WAYS;
		int victim = first;
		for (int record = first; record < first + WAYS; record++) {
			if (!this.used[record]) {
				victim = record;
				break;
			}
			if (this.kinds[record] == kind.ordinal() && this.highs[record] == network.high()
					&& this.lows[record] == network.low()) {
				return record;
			}
			if (this.more[record] + this.lines[record] < this.more[victim] + this.lines[victim]) {
				victim = record;
			}
		}
		if (this.used[victim]) {
			// Making room: its count goes to the minute's "others" line.
			int victimKind = this.kinds[victim];
			if (this.more[victim] > 0) {
				this.otherMore[victimKind] += this.more[victim];
				this.otherNetworks[victimKind]++;
			}
		}
		this.used[victim] = true;
		this.kinds[victim] = (byte) kind.ordinal();
		this.highs[victim] = network.high();
		this.lows[victim] = network.low();
		this.lines[victim] = 0;
		this.more[victim] = 0;
		return victim;
	}

	/** Keyed per process, so nobody can pick networks that share a set on purpose. */
	private long hash(Kind kind, IpAddress network) {
		long h = this.hashKey ^ kind.ordinal();
		h = (h ^ network.high()) * 0x9e3779b97f4a7c15L;
		h = (h ^ network.low()) * 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h;
	}

	private static String networkText(long high, long low) {
		return (high == 0 && low == 0) ? "unreadable addresses" : new IpAddress(high, low).networkText();
	}

}
