package io.greenroom.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down guessing the admin password. Failed logins are counted per client address
 * and per user name. The first {@value #FREE_ATTEMPTS} failures cost nothing; after that
 * each further attempt must wait twice as long as the one before (1 s, 2 s, 4 s … up to
 * {@link #MAX_DELAY}), and an attempt made before its time is turned away without the
 * password being checked. A successful login clears both counts; a count left alone for
 * {@link #FORGET_AFTER} is forgotten. The log says so once per episode, when the slowing
 * starts. At most {@value #MAX_TRACKED} addresses and names are remembered, the least
 * recently seen dropped first, so a flood of addresses cannot exhaust memory.
 * <p>
 * Counting per user name as well means someone guessing from many addresses is slowed
 * too; the price is that they can also make the real admin wait, at most
 * {@link #MAX_DELAY} per attempt.
 */
public class LoginThrottle {

	static final int FREE_ATTEMPTS = 5;

	static final Duration MAX_DELAY = Duration.ofSeconds(60);

	static final Duration FORGET_AFTER = Duration.ofMinutes(15);

	static final int MAX_TRACKED = 10_000;

	private static final Logger logger = LoggerFactory.getLogger(LoginThrottle.class);

	private final Clock clock;

	private final Map<String, Failures> failures = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
			return size() > MAX_TRACKED;
		}

	};

	public LoginThrottle(Clock clock) {
		this.clock = clock;
	}

	/**
	 * How long this attempt must still wait, or zero when it may go ahead.
	 * @param address the client's address
	 * @param username the user name it tries
	 * @return the time left to wait
	 */
	public synchronized Duration waitFor(String address, String username) {
		Instant now = this.clock.instant();
		Duration wait = Duration.ZERO;
		for (String key : keys(address, username)) {
			Failures entry = current(key, now);
			if (entry != null && entry.notBefore.isAfter(now)) {
				Duration left = Duration.between(now, entry.notBefore);
				wait = (left.compareTo(wait) > 0) ? left : wait;
			}
		}
		return wait;
	}

	/** Counts a failed login. */
	public synchronized void failed(String address, String username) {
		Instant now = this.clock.instant();
		for (String key : keys(address, username)) {
			Failures entry = current(key, now);
			int count = (entry != null) ? entry.count + 1 : 1;
			Instant notBefore = now.plus(delayAfter(count));
			this.failures.put(key, new Failures(count, now, notBefore));
			if (count == FREE_ATTEMPTS) {
				logger.warn("Slowing down logins {} after {} failed attempts; each further attempt waits longer",
						key.startsWith("address ") ? "from " + key.substring(8) : "for user " + key.substring(5),
						count);
			}
		}
	}

	/** Clears the counts after a successful login. */
	public synchronized void succeeded(String address, String username) {
		for (String key : keys(address, username)) {
			this.failures.remove(key);
		}
	}

	static Duration delayAfter(int failures) {
		if (failures < FREE_ATTEMPTS) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - FREE_ATTEMPTS, 16);
		Duration delay = Duration.ofSeconds(1L << doublings);
		return (delay.compareTo(MAX_DELAY) > 0) ? MAX_DELAY : delay;
	}

	private Failures current(String key, Instant now) {
		Failures entry = this.failures.get(key);
		if (entry != null && entry.last.plus(FORGET_AFTER).isBefore(now)) {
			this.failures.remove(key);
			return null;
		}
		return entry;
	}

	private static String[] keys(String address, String username) {
		String user = (username == null) ? "" : username.strip();
		if (user.length() > 64) {
			user = user.substring(0, 64);
		}
		return new String[] { "address " + address, "user " + user };
	}

	private record Failures(int count, Instant last, Instant notBefore) {
	}

}
