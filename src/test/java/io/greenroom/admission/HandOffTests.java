package io.greenroom.admission;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue from admission threads to the idle-priority writers: bounded, oldest or
 * newest dropped as asked, and a waiting consumer woken by an offer.
 */
class HandOffTests {

	@Test
	void refusesOffersBeyondItsCapacityButTakesAMarker() {
		HandOff<String> queue = new HandOff<>(2);
		assertThat(queue.offer("a")).isTrue();
		assertThat(queue.offer("b")).isTrue();
		assertThat(queue.offer("c")).isFalse();
		queue.add("marker");
		assertThat(queue.size()).isEqualTo(3);
		List<String> drained = new ArrayList<>();
		assertThat(queue.drainTo(drained, 10)).isEqualTo(3);
		assertThat(drained).containsExactly("a", "b", "marker");
		assertThat(queue.isEmpty()).isTrue();
		assertThat(queue.size()).isZero();
	}

	@Test
	void dropsTheOldestToMakeRoomWhenAsked() {
		HandOff<Integer> queue = new HandOff<>(3);
		List<Integer> dropped = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			Integer out = queue.offerDroppingOldest(i);
			if (out != null) {
				dropped.add(out);
			}
		}
		assertThat(dropped).containsExactly(1, 2);
		assertThat(queue.poll()).isEqualTo(3);
		assertThat(queue.poll()).isEqualTo(4);
		assertThat(queue.poll()).isEqualTo(5);
		assertThat(queue.poll()).isNull();
	}

	@Test
	void aWaitingConsumerIsWokenByAnOfferAndGivesUpAtItsTimeout() throws Exception {
		HandOff<String> queue = new HandOff<>(10);
		long start = System.nanoTime();
		assertThat(queue.poll(200, TimeUnit.MILLISECONDS)).isNull();
		assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));

		CompletableFuture<String> taken = CompletableFuture.supplyAsync(() -> {
			try {
				return queue.poll(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Thread.sleep(100);
		queue.offer("session opened");
		assertThat(taken.get(5, TimeUnit.SECONDS)).isEqualTo("session opened");
	}

	@Test
	void keepsEveryItemOfManyConcurrentProducersWithinCapacity() throws Exception {
		HandOff<Integer> queue = new HandOff<>(100_000);
		List<CompletableFuture<Void>> producers = new ArrayList<>();
		for (int p = 0; p < 8; p++) {
			int base = p * 10_000;
			producers.add(CompletableFuture.runAsync(() -> {
				for (int i = 0; i < 10_000; i++) {
					queue.offer(base + i);
				}
			}));
		}
		CompletableFuture.allOf(producers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		List<Integer> all = new ArrayList<>();
		queue.drainTo(all, Integer.MAX_VALUE);
		assertThat(all).hasSize(80_000).doesNotHaveDuplicates();
	}

}
