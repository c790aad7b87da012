package io.greenroom.admission;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records publish sessions. Writes go through one background thread with a bounded queue,
 * so admission answers OME without waiting for the database; if the queue is ever full a
 * record is dropped and counted rather than slowing OME down.
 */
@Service
public class SessionHistory implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(SessionHistory.class);

	private static final int QUEUE_CAPACITY = 10_000;

	private final PublishSessionRepository repository;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final AtomicLong dropped = new AtomicLong();

	private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
			new ArrayBlockingQueue<>(QUEUE_CAPACITY), (runnable) -> {
				Thread thread = new Thread(runnable, "session-history");
				thread.setDaemon(true);
				return thread;
			}, (runnable, executor) -> {
				long count = this.dropped.incrementAndGet();
				if (count == 1 || count % 1000 == 0) {
					logger.error("Session history queue is full; {} record(s) dropped", count);
				}
			});

	SessionHistory(PublishSessionRepository repository, TransactionTemplate transactions, Clock clock) {
		this.repository = repository;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The latest sessions of a slot, newest first. */
	public List<PublishSession> recent(String app, String slot) {
		return this.repository.findTop50ByAppNameAndSlotNameOrderByStartedAtDesc(app, slot);
	}

	void opened(PublishSession session) {
		this.writer.execute(() -> save(() -> this.repository.save(session)));
	}

	void ended(String sessionId, String reason) {
		java.time.Instant at = this.clock.instant();
		this.writer.execute(() -> save(() -> this.repository.findById(sessionId).ifPresent((session) -> {
			session.end(at, reason);
			this.repository.save(session);
		})));
	}

	/** Sessions left open by a previous run cannot be known to have ended cleanly. */
	@EventListener(ApplicationReadyEvent.class)
	void closeSessionsLeftOpen() {
		this.transactions.executeWithoutResult((status) -> {
			List<PublishSession> open = this.repository.findByEndedAtIsNull();
			open.forEach((session) -> session.end(this.clock.instant(), "lost"));
			if (!open.isEmpty()) {
				logger.info("Marked {} session(s) left open by the previous run as lost", open.size());
			}
		});
	}

	/** Waits until every queued write is done; for tests and shutdown. */
	void flush() throws InterruptedException {
		java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
		this.writer.execute(done::countDown);
		done.await(10, TimeUnit.SECONDS);
	}

	private void save(Runnable write) {
		try {
			this.transactions.executeWithoutResult((status) -> write.run());
		}
		catch (RuntimeException ex) {
			logger.error("Could not record a publish session: {}", ex.getMessage());
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.writer.shutdown();
		this.writer.awaitTermination(5, TimeUnit.SECONDS);
	}

}
