package io.greenroom.admission;

import java.security.SecureRandom;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses an address outright after too many wrong keys. In memory and bounded: a fixed
 * table of at most {@code maxTrackedAddresses} records, allocated once, so a flood of
 * addresses can neither exhaust memory nor make work for the garbage collector. Logs one
 * line when an episode starts, not per attempt, and those within a {@link LogBudget}.
 * <p>
 * The table is set-associative, like a CPU cache: an address can only live in one set of
 * {@value #WAYS} records, picked by a keyed hash of the address. When its set is full,
 * the record least worth keeping is forgotten: one whose window has passed, else the
 * least recently seen, and an address in its cool-down only when the whole set is. A map
 * of objects did the same, but each new address cost ~200 bytes that lived long enough to
 * reach the old generation; at 100 new addresses a second that alone brought a full
 * collection every few minutes.
 */
class KeyGuard {

	private static final Logger logger = LoggerFactory.getLogger(KeyGuard.class);

	static final int WAYS = 8;

	private static final long EMPTY = 0;

	private final AdmissionProperties properties;

	private final Clock clock;

	private final long windowMillis;

	private final long coolDownMillis;

	private final long hashKey = new SecureRandom().nextLong();

	private final int sets;

	/** The address's hash; {@link #EMPTY} for a free record. */
	private final long[] tags;

	private final int[] failures;

	private final long[] windowStart;

	private final long[] blockedUntil;

	private final long[] lastSeen;

	private final LogBudget budget;

	KeyGuard(AdmissionProperties properties, Clock clock) {
		this(properties, clock, new LogBudget());
	}

	KeyGuard(AdmissionProperties properties, Clock clock, LogBudget budget) {
		this.properties = properties;
		this.clock = clock;
		this.budget = budget;
		this.windowMillis = properties.window().toMillis();
		this.coolDownMillis = properties.coolDown().toMillis();
		this.sets = Math.max(1, properties.maxTrackedAddresses() / WAYS);
		int records = this.sets * WAYS;
		this.tags = new long[records];
		this.failures = new int[records];
		this.windowStart = new long[records];
		this.blockedUntil = new long[records];
		this.lastSeen = new long[records];
	}

	/** Whether the address is in its cool-down. */
	synchronized boolean isBlocked(String address) {
		int record = find(hash(address));
		return record >= 0 && this.clock.millis() < this.blockedUntil[record];
	}

	/** Counts a wrong key; starts a cool-down when the address crossed the limit. */
	synchronized void wrongKey(String address) {
		long now = this.clock.millis();
		long tag = hash(address);
		int record = find(tag);
		if (record < 0) {
			record = claim(tag, now);
		}
		this.lastSeen[record] = now;
		if (now - this.windowStart[record] > this.windowMillis) {
			this.windowStart[record] = now;
			this.failures[record] = 0;
		}
		this.failures[record]++;
		if (this.failures[record] >= this.properties.maxWrongKeys() && now >= this.blockedUntil[record]) {
			this.blockedUntil[record] = now + this.coolDownMillis;
			this.failures[record] = 0;
			this.windowStart[record] = now;
			if (this.budget.allow(LogBudget.Kind.GUARD, address)) {
				logger.warn("Refusing publishes from {} for {}: {} wrong stream keys within {}", address,
						this.properties.coolDown(), this.properties.maxWrongKeys(), this.properties.window());
			}
		}
	}

	/** How many records are in use; never more than {@code maxTrackedAddresses}. */
	synchronized int trackedAddresses() {
		int used = 0;
		for (long tag : this.tags) {
			if (tag != EMPTY) {
				used++;
			}
		}
		return used;
	}

	private int find(long tag) {
		int first = firstOfSet(tag);
		for (int record = first; record < first + WAYS; record++) {
			if (this.tags[record] == tag) {
				return record;
			}
		}
		return -1;
	}

	/**
	 * A record of the tag's set for a new address, forgetting the one least worth
	 * keeping.
	 */
	private int claim(long tag, long now) {
		int first = firstOfSet(tag);
		int victim = first;
		for (int record = first; record < first + WAYS; record++) {
			if (this.tags[record] == EMPTY || forgettable(record, now)) {
				victim = record;
				break;
			}
			if (keepRather(victim, record, now)) {
				victim = record;
			}
		}
		this.tags[victim] = tag;
		this.failures[victim] = 0;
		this.windowStart[victim] = now;
		this.blockedUntil[victim] = 0;
		return victim;
	}

	/** Neither counting nor cooling down: forgetting it changes nothing. */
	private boolean forgettable(int record, long now) {
		return now >= this.blockedUntil[record] && now - this.windowStart[record] > this.windowMillis;
	}

	/** Whether {@code current} is more worth keeping than {@code candidate}. */
	private boolean keepRather(int current, int candidate, long now) {
		boolean currentBlocked = now < this.blockedUntil[current];
		boolean candidateBlocked = now < this.blockedUntil[candidate];
		if (currentBlocked != candidateBlocked) {
			return currentBlocked;
		}
		return this.lastSeen[candidate] < this.lastSeen[current];
	}

	private int firstOfSet(long tag) {
		return (int) Long.remainderUnsigned(tag, this.sets) * WAYS;
	}

	/**
	 * A 64-bit hash keyed per process, so nobody can pick addresses that share a set on
	 * purpose. Two addresses sharing a hash by chance would share a count; at 10,000
	 * addresses the odds are about one in 10^11.
	 */
	private long hash(String address) {
		long h = this.hashKey;
		for (int i = 0; i < address.length(); i++) {
			h = (h ^ address.charAt(i)) * 0x100000001b3L;
		}
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return (h != EMPTY) ? h : 1;
	}

}
