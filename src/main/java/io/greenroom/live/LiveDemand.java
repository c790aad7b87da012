package io.greenroom.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * Whether anyone needs fresh figures now: an open live board, or a metrics scrape or a
 * streamer's live check within the last {@link #SCRAPE_MEMORY}. The poller reads OME fast
 * only then.
 */
@Component
public class LiveDemand {

	/**
	 * How long after a scrape the poller stays fast, so the next scrape sees fresh
	 * figures.
	 */
	static final Duration SCRAPE_MEMORY = Duration.ofMinutes(2);

	private final AtomicInteger boards = new AtomicInteger();

	/** Open boards per app name. */
	private final Map<String, Integer> watched = new ConcurrentHashMap<>();

	private final Clock clock;

	private volatile Instant lastScrape = Instant.EPOCH;

	LiveDemand(Clock clock) {
		this.clock = clock;
	}

	void boardOpened(String app) {
		this.boards.incrementAndGet();
		this.watched.merge(app, 1, Integer::sum);
	}

	void boardClosed(String app) {
		this.boards.decrementAndGet();
		this.watched.computeIfPresent(app, (key, count) -> (count > 1) ? count - 1 : null);
	}

	/** The apps whose board is open now. */
	Set<String> watchedApps() {
		return Set.copyOf(this.watched.keySet());
	}

	/** A metrics scrape, or a streamer's live check, came now. */
	public void scraped() {
		this.lastScrape = this.clock.instant();
	}

	/** How many boards are open now. */
	int openBoards() {
		return this.boards.get();
	}

	boolean wanted() {
		return this.boards.get() > 0 || this.lastScrape.plus(SCRAPE_MEMORY).isAfter(this.clock.instant());
	}

}
