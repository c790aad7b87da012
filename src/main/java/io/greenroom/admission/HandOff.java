package io.greenroom.admission;

import java.util.Collection;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * A bounded queue from the admission threads to one background thread, that never makes
 * an admission thread wait for a lock. The background threads run on Linux's idle
 * scheduling policy ({@link BackgroundPriority}): one of them holding a queue's lock when
 * the core gets busy would hold every admission thread behind it (a blocking queue did
 * exactly that under memory pressure, for seconds). Offers and polls here are
 * compare-and-set only; the size is kept beside the queue and may be off by the few
 * offers in flight.
 *
 * @param <E> what is handed over
 */
public final class HandOff<E> {

	private final ConcurrentLinkedQueue<E> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger size = new AtomicInteger();

	private final int capacity;

	private volatile @Nullable Thread waiting;

	public HandOff(int capacity) {
		this.capacity = capacity;
	}

	/** Adds {@code item} unless the queue is full; returns whether it was added. */
	public boolean offer(E item) {
		if (this.size.incrementAndGet() > this.capacity) {
			this.size.decrementAndGet();
			return false;
		}
		this.queue.offer(item);
		wake();
		return true;
	}

	/**
	 * Adds {@code item}; when the queue is full, takes the oldest out to make room.
	 * @return the item dropped, or null
	 */
	public @Nullable E offerDroppingOldest(E item) {
		this.queue.offer(item);
		E dropped = null;
		if (this.size.incrementAndGet() > this.capacity) {
			dropped = poll();
		}
		wake();
		return dropped;
	}

	/** Adds {@code item} whatever the size: for the rare marker a flush waits on. */
	public void add(E item) {
		this.size.incrementAndGet();
		this.queue.offer(item);
		wake();
	}

	/** The oldest item, or null when there is none. */
	public @Nullable E poll() {
		E item = this.queue.poll();
		if (item != null) {
			this.size.decrementAndGet();
		}
		return item;
	}

	/** The oldest item, waiting up to {@code timeout} for one; null if none came. */
	public @Nullable E poll(long timeout, TimeUnit unit) throws InterruptedException {
		long deadline = System.nanoTime() + unit.toNanos(timeout);
		this.waiting = Thread.currentThread();
		try {
			E item;
			while ((item = poll()) == null) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return null;
				}
				LockSupport.parkNanos(this, left);
				if (Thread.interrupted()) {
					throw new InterruptedException();
				}
			}
			return item;
		}
		finally {
			this.waiting = null;
		}
	}

	/** Moves up to {@code max} items into {@code into}; returns how many. */
	public int drainTo(Collection<? super E> into, int max) {
		int moved = 0;
		E item;
		while (moved < max && (item = poll()) != null) {
			into.add(item);
			moved++;
		}
		return moved;
	}

	public int size() {
		return Math.max(0, this.size.get());
	}

	public boolean isEmpty() {
		return this.queue.isEmpty();
	}

	private void wake() {
		Thread thread = this.waiting;
		if (thread != null) {
			LockSupport.unpark(thread);
		}
	}

}
