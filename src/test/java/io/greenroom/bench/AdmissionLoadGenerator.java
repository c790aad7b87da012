package io.greenroom.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.greenroom.admission.OmeWebhook;
import org.jspecify.annotations.Nullable;

/**
 * Sends signed, OME-shaped admission requests to a running Greenroom at a fixed rate over
 * a fixed number of connections, and reports latency percentiles, throughput and errors.
 * Latency counts from when each request was due, so a stall is not hidden by sending
 * later (no coordinated omission).
 * <p>
 * Two mixes, chosen by the seventh argument:
 * <ul>
 * <li>{@code stress} (the default): 40% publish with the right key, 35% play, 15% closing
 * of an earlier publish, 10% publish with a wrong key from a random address. Publishes to
 * a slot that is already live are refused, so the load settles where as many sessions
 * open as close: 150 a second, each a record written and then ended, far more than any
 * show.</li>
 * <li>{@code show}: what a show looks like to admission, many viewers per streamer: 85%
 * play, 5% publish with the right key, 5% closing, 5% wrong keys.</li>
 * </ul>
 * <p>
 * With {@code -Dbench.publish-slots=N} publishes go to the first N slots only (see
 * {@link #PUBLISH_SLOTS}).
 * <p>
 * Only publishes that were allowed, over RTMP or WHIP, are closed later (oldest first),
 * as OME would: the mix stays the same however long it runs, rather than drifting towards
 * every slot being live and every publish refused.
 * <p>
 * Usage:
 * {@code AdmissionLoadGenerator BASE_URL SEED_FILE RATE CONNECTIONS SECONDS [WARM_UP_SECONDS [MIX]]}:
 * the warm-up runs the same mix at the same rate first and is reported on its own line.
 */
public final class AdmissionLoadGenerator {

	private static final String PATH = "/ome/admission";

	/**
	 * Answers slower than the p99 target are listed for the script to line up
	 * with collections.
	 */
	private static final long SLOW_NANOS = 5_000_000L;

	private record Slot(String app, String slot, String secret) {
	}

	private record Open(Slot slot, int port, boolean whip) {
	}

	/** A request body, and the session it opens if Greenroom allows it. */
	private record Request(String body, @Nullable Open opens) {
	}

	/** Cumulative percentages: closing below the first, then publish, then play. */
	private record Mix(int closing, int publish, int play) {

		static Mix named(String name) {
			return switch (name) {
				case "stress" -> new Mix(15, 55, 90);
				case "show" -> new Mix(5, 10, 95);
				default -> throw new IllegalArgumentException("Unknown mix '" + name + "': stress or show");
			};
		}

	}

	private AdmissionLoadGenerator() {
	}

	public static void main(String[] args) throws Exception {
		Mix mix = Mix.named((args.length > 6) ? args[6] : "stress");
		String base = args[0];
		List<String> seed = Files.readAllLines(Path.of(args[1]));
		int rate = Integer.parseInt(args[2]);
		int connections = Integer.parseInt(args[3]);
		int seconds = Integer.parseInt(args[4]);
		int warmUpSeconds = (args.length > 5) ? Integer.parseInt(args[5]) : 0;
		String key = seed.get(0);
		List<Slot> slots = seed.subList(1, seed.size())
			.stream()
			.map((line) -> line.split(" "))
			.map((parts) -> new Slot(parts[0], parts[1], parts[2]))
			.toList();
		URI uri = URI.create(base);
		ConcurrentLinkedQueue<Open> open = new ConcurrentLinkedQueue<>();
		AtomicInteger ports = new AtomicInteger(20000);
		if (warmUpSeconds > 0) {
			// The same mix at the same rate, so the paths a long-running Greenroom has
			// compiled are compiled before measuring; reported, not hidden.
			Phase warmUp = run(uri, key, slots, mix, open, ports, rate, connections, warmUpSeconds, 1000);
			System.out.print("warm-up (not counted): ");
			warmUp.print();
		}
		Phase measured = run(uri, key, slots, mix, open, ports, rate, connections, seconds, 0);
		measured.print();
		String slowLog = System.getProperty("bench.slow-log");
		if (slowLog != null) {
			measured.writeSlow(Path.of(slowLog), SLOW_NANOS);
		}
	}

	/** What one phase of the load measured. */
	record Phase(long[] sorted, long[] byDue, long startEpochMillis, long intervalNanos, double elapsed,
			int connections, int rate, long errors, long allowed, long denied, long closed, long opened) {

		/**
		 * One line per answer slower than {@code slowNanos}: when it was due (epoch ms)
		 * and its latency (ms).
		 */
		void writeSlow(Path file, long slowNanos) throws java.io.IOException {
			StringBuilder lines = new StringBuilder();
			for (int i = 0; i < this.byDue.length; i++) {
				if (this.byDue[i] > slowNanos) {
					double dueMillis = this.startEpochMillis + i * this.intervalNanos / 1e6;
					lines.append(String.format("%.3f %.3f%n", dueMillis, this.byDue[i] / 1e6));
				}
			}
			Files.writeString(file, lines);
		}

		void print() {
			int total = this.sorted.length;
			System.out.printf(
					"requests=%d connections=%d target=%d/s achieved=%.0f/s errors=%d allowed=%d denied=%d closed=%d"
							+ " sessions-opened=%.0f/s%n",
					total, this.connections, this.rate, total / this.elapsed, this.errors, this.allowed, this.denied,
					this.closed, this.opened / this.elapsed);
			System.out.printf("latency ms: p50=%.3f p90=%.3f p99=%.3f p99.9=%.3f max=%.3f%n", ms(0.50), ms(0.90),
					ms(0.99), ms(0.999), this.sorted[total - 1] / 1e6);
		}

		private double ms(double quantile) {
			int total = this.sorted.length;
			return this.sorted[Math.min(total - 1, (int) Math.ceil(quantile * total) - 1)] / 1e6;
		}

	}

	private static Phase run(URI uri, String key, List<Slot> slots, Mix mix, ConcurrentLinkedQueue<Open> open,
			AtomicInteger ports, int rate, int connections, int seconds, int seedOffset) throws Exception {
		int total = rate * seconds;
		long[] latencies = new long[total];
		AtomicInteger next = new AtomicInteger();
		AtomicLong errors = new AtomicLong();
		AtomicLong allowed = new AtomicLong();
		AtomicLong denied = new AtomicLong();
		AtomicLong closed = new AtomicLong();
		AtomicLong opened = new AtomicLong();
		long intervalNanos = 1_000_000_000L / rate;
		CountDownLatch done = new CountDownLatch(connections);
		long start = System.nanoTime() + 100_000_000L;
		long startEpochMillis = System.currentTimeMillis() + 100L;
		for (int c = 0; c < connections; c++) {
			Random random = new Random(seedOffset + c);
			RawHttpConnection client = new RawHttpConnection(uri.getHost(), uri.getPort());
			Thread worker = new Thread(() -> {
				try {
					int i;
					while ((i = next.getAndIncrement()) < total) {
						long due = start + i * intervalNanos;
						long wait = due - System.nanoTime();
						if (wait > 0) {
							Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
						}
						Request request = request(random, mix, slots, open, ports);
						String body = request.body();
						try {
							RawHttpConnection.Response response = client.post(PATH, OmeWebhook.signature(key, body),
									body);
							latencies[i] = System.nanoTime() - due;
							if (response.status() != 200) {
								errors.incrementAndGet();
							}
							else if (response.body().startsWith("{\"allowed\":true")) {
								allowed.incrementAndGet();
								if (request.opens() != null) {
									opened.incrementAndGet();
									open.add(request.opens());
								}
							}
							else if (response.body().startsWith("{\"allowed\":false")) {
								denied.incrementAndGet();
							}
							else if (response.body().equals("{}")) {
								closed.incrementAndGet();
							}
						}
						catch (java.io.IOException ex) {
							latencies[i] = System.nanoTime() - due;
							errors.incrementAndGet();
						}
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				finally {
					client.close();
					done.countDown();
				}
			}, "load-" + c);
			worker.start();
		}
		done.await();
		double elapsed = (System.nanoTime() - start) / 1e9;
		long[] sorted = Arrays.copyOf(latencies, total);
		Arrays.sort(sorted);
		return new Phase(sorted, latencies, startEpochMillis, intervalNanos, elapsed, connections, rate, errors.get(),
				allowed.get(), denied.get(), closed.get(), opened.get());
	}

	/**
	 * The peer OME sees: Caddy's address on the compose network, a trusted proxy by
	 * default, so the guard blames each request's {@code real_ip} as it does behind
	 * Caddy.
	 */
	static final String PEER = "172.29.213.5";

	/**
	 * With {@code -Dbench.publish-slots=N}, publishes go to the first N slots of the seed
	 * only: the ones an OME stand-in serving N live streams lists, so the live
	 * reconciliation finds every admitted publisher in OME's list, as with a real OME.
	 * Plays and wrong keys still go to any slot.
	 */
	static final int PUBLISH_SLOTS = Integer.getInteger("bench.publish-slots", 0);

	private static Request request(Random random, Mix mix, List<Slot> slots, ConcurrentLinkedQueue<Open> open,
			AtomicInteger ports) {
		int roll = random.nextInt(100);
		if (roll < mix.closing()) {
			Open session = open.poll();
			if (session != null) {
				return new Request(OmeWebhook.closing("incoming", session.whip() ? "WebRTC" : "RTMP",
						publishUrl(session.slot(), session.whip()), bareUrl(session.slot(), session.whip()), PEER,
						session.port(), "198.51.100.10"), null);
			}
		}
		Slot slot = slots.get(random.nextInt(slots.size()));
		if (roll < mix.publish()) {
			if (PUBLISH_SLOTS > 0) {
				slot = slots.get(random.nextInt(Math.min(PUBLISH_SLOTS, slots.size())));
			}
			int port = ports.incrementAndGet();
			boolean whip = random.nextBoolean();
			return new Request(OmeWebhook.opening("incoming", whip ? "WebRTC" : "RTMP", publishUrl(slot, whip), PEER,
					port, "198.51.100.10", whip ? "Mozilla/5.0 OBS/31.0" : null), new Open(slot, port, whip));
		}
		if (roll < mix.play()) {
			return new Request(OmeWebhook.opening("outgoing", "WebRTC",
					"ws://127.0.0.1:3333/" + slot.app() + "/" + slot.slot(), PEER, 30000 + random.nextInt(30000),
					"198.51.100." + random.nextInt(255), "Mozilla/5.0 Chrome/156"), null);
		}
		return new Request(
				OmeWebhook.opening("incoming", "RTMP",
						"rtmp://127.0.0.1:1935/" + slot.app() + "/" + slot.slot() + "?key=wrong" + random.nextInt(),
						PEER, 50000 + random.nextInt(10000),
						"10." + random.nextInt(255) + "." + random.nextInt(255) + "." + random.nextInt(255), null),
				null);
	}

	private static String publishUrl(Slot slot, boolean whip) {
		return whip ? bareUrl(slot, true) + "?direction=whip&key=" + slot.secret()
				: bareUrl(slot, false) + "?key=" + slot.secret();
	}

	private static String bareUrl(Slot slot, boolean whip) {
		return (whip ? "http://127.0.0.1:3333/" : "rtmp://127.0.0.1:1935/") + slot.app() + "/" + slot.slot();
	}

}
