package io.greenroom.admission;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses an address outright after too many wrong keys. In memory and bounded: when more
 * addresses are tracked than allowed, the least recently seen is forgotten, so a flood of
 * addresses cannot exhaust memory. Logs one line when an episode starts, not per attempt.
 */
class KeyGuard {

	private static final Logger logger = LoggerFactory.getLogger(KeyGuard.class);

	private static final class Record {

		int failures;

		Instant windowStart;

		Instant blockedUntil = Instant.MIN;

		Record(Instant now) {
			this.windowStart = now;
		}

	}

	private final AdmissionProperties properties;

	private final Clock clock;

	private final LinkedHashMap<String, Record> records;

	KeyGuard(AdmissionProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.records = new LinkedHashMap<>(256, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Record> eldest) {
				return size() > properties.maxTrackedAddresses();
			}

		};
	}

	/** Whether the address is in its cool-down. */
	synchronized boolean isBlocked(String address) {
		Record record = this.records.get(address);
		return record != null && this.clock.instant().isBefore(record.blockedUntil);
	}

	/** Counts a wrong key; starts a cool-down when the address crossed the limit. */
	synchronized void wrongKey(String address) {
		Instant now = this.clock.instant();
		Record record = this.records.computeIfAbsent(address, (a) -> new Record(now));
		if (now.isAfter(record.windowStart.plus(this.properties.window()))) {
			record.windowStart = now;
			record.failures = 0;
		}
		record.failures++;
		if (record.failures >= this.properties.maxWrongKeys() && !now.isBefore(record.blockedUntil)) {
			record.blockedUntil = now.plus(this.properties.coolDown());
			record.failures = 0;
			record.windowStart = now;
			logger.warn("Refusing publishes from {} for {}: {} wrong stream keys within {}", address,
					this.properties.coolDown(), this.properties.maxWrongKeys(), this.properties.window());
		}
	}

	synchronized int trackedAddresses() {
		return this.records.size();
	}

}
