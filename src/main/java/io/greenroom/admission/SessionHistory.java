package io.greenroom.admission;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records publish sessions. Admission only queues a record; one background thread gathers
 * what arrives within {@link #GATHER_MILLIS} and writes it in one batched transaction, so
 * OME never waits on the database and a busy second costs a few commits, not hundreds
 * (one commit per change made H2 copy its B-tree pages for each, 40% of all allocation
 * under the admission benchmark). If the queue is ever full a record is dropped and
 * counted rather than slowing admission down.
 */
@Service
public class SessionHistory implements SessionRecorder, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(SessionHistory.class);

	private static final int QUEUE_CAPACITY = 10_000;

	private static final int BATCH = 500;

	/** How long the writer waits after the first change for more to share its commit. */
	static final long GATHER_MILLIS = 200;

	private sealed interface Change permits Opened, Ended, Marker {

	}

	private record Opened(PublishSession session) implements Change {
	}

	private record Ended(long id, Instant at, String reason) implements Change {
	}

	private record Marker(CountDownLatch reached) implements Change {
	}

	private final PublishSessionRepository repository;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	/** How often marking the sessions a previous run left open is tried at start. */
	static final int LEFT_OPEN_ATTEMPTS = 5;

	private final HandOff<Change> queue = new HandOff<>(QUEUE_CAPACITY);

	private final AtomicLong dropped = new AtomicLong();

	private final AtomicLong lastId;

	/** The largest id when this run started: sessions up to it are earlier runs'. */
	private final long lastOfEarlierRuns;

	private final Thread writer;

	private volatile boolean running = true;

	SessionHistory(PublishSessionRepository repository, JdbcTemplate jdbc, TransactionTemplate transactions,
			Clock clock) {
		this.repository = repository;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		Long largest = jdbc.queryForObject("select max(id) from publish_session", Long.class);
		this.lastOfEarlierRuns = (largest != null) ? largest : 0;
		this.lastId = new AtomicLong(this.lastOfEarlierRuns);
		this.writer = new Thread(this::writeLoop, "session-history");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/**
	 * Numbers sessions on from the largest id recorded, so new rows land at the end of
	 * the key's B-tree and the sessions being closed are in its recent pages. Ids are
	 * handed out before their rows are written, so two sessions of one run never share
	 * one.
	 */
	@Override
	public long newSessionId() {
		return this.lastId.incrementAndGet();
	}

	/** The latest sessions of a slot, newest first. */
	public List<PublishSession> recent(long slotId) {
		return this.repository.findTop50BySlotIdOrderByIdDesc(slotId);
	}

	@Override
	public void opened(PublishSession session) {
		enqueue(new Opened(session));
	}

	@Override
	public void ended(long sessionId, String reason) {
		enqueue(new Ended(sessionId, this.clock.instant(), reason));
	}

	/**
	 * Sessions left open by a previous run cannot be known to have ended cleanly (those
	 * this run opened, while starting or since Tomcat took the port, are not touched).
	 * After a killed run the database may still be settling what that run left half
	 * written, and the rows are then locked for a moment: the update is tried again for
	 * up to {@link #LEFT_OPEN_ATTEMPTS} times, and a start never fails for it.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void closeSessionsLeftOpen() throws InterruptedException {
		for (int attempt = 1;; attempt++) {
			try {
				int lost = this.jdbc.update(
						"update publish_session set ended_at = ?, end_reason = 'lost' where ended_at is null and id <= ?",
						Timestamp.from(this.clock.instant()), this.lastOfEarlierRuns);
				if (lost > 0) {
					logger.info("Marked {} session(s) left open by the previous run as lost", lost);
				}
				return;
			}
			catch (PessimisticLockingFailureException | QueryTimeoutException ex) {
				if (attempt == LEFT_OPEN_ATTEMPTS) {
					logger.warn("Could not mark the sessions left open by the previous run as lost (the rows stayed "
							+ "locked); the next start tries again");
					return;
				}
				Thread.sleep(500L * attempt);
			}
		}
	}

	/** Waits until everything queued so far is written; for tests and shutdown. */
	void flush() throws InterruptedException {
		CountDownLatch reached = new CountDownLatch(1);
		this.queue.add(new Marker(reached));
		reached.await(10, TimeUnit.SECONDS);
	}

	private void enqueue(Change change) {
		if (!this.queue.offer(change)) {
			long count = this.dropped.incrementAndGet();
			if (count == 1 || count % 1000 == 0) {
				logger.error("Session history queue is full; {} record(s) dropped", count);
			}
		}
	}

	private void writeLoop() {
		List<Change> batch = new ArrayList<>(BATCH);
		while (this.running || !this.queue.isEmpty()) {
			try {
				Change first = this.queue.poll(500, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				if (!(first instanceof Marker)) {
					LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(GATHER_MILLIS));
				}
				this.queue.drainTo(batch, BATCH - 1);
				write(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				logger.error("Could not record {} publish session change(s): {}", batch.size(), ex.getMessage());
			}
			finally {
				batch.stream()
					.filter(Marker.class::isInstance)
					.forEach((change) -> ((Marker) change).reached().countDown());
				batch.clear();
			}
		}
	}

	private void write(List<Change> batch) {
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		for (Change change : batch) {
			if (change instanceof Opened opened) {
				PublishSession s = opened.session();
				inserts.add(new Object[] { s.getId(), s.getSlotId(), s.getAppName(), s.getSlotName(), s.getProtocol(),
						s.getClientAddress(), s.getClientPort(), s.getRealIp(), s.getUserAgent(),
						Timestamp.from(s.getStartedAt()) });
			}
			else if (change instanceof Ended ended) {
				updates.add(new Object[] { Timestamp.from(ended.at()), ended.reason(), ended.id() });
			}
		}
		if (inserts.isEmpty() && updates.isEmpty()) {
			return;
		}
		this.transactions.executeWithoutResult((status) -> {
			if (!inserts.isEmpty()) {
				this.jdbc.batchUpdate(
						"insert into publish_session (id, slot_id, app_name, slot_name, protocol, client_address,"
								+ " client_port, real_ip, user_agent, started_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
						inserts);
			}
			if (!updates.isEmpty()) {
				this.jdbc.batchUpdate(
						"update publish_session set ended_at = ?, end_reason = ? where id = ? and ended_at is null",
						updates);
			}
		});
	}

	@Override
	public void destroy() throws InterruptedException {
		this.running = false;
		// Wakes the writer from its wait for work (up to 500 ms, the better part of a
		// restart's pause) without interrupting it: an interrupt in the middle of a write
		// would close H2's file.
		this.queue.offer(new Marker(new CountDownLatch(1)));
		this.writer.join(5000);
	}

}
