package io.greenroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.greenroom.live.OmeStandIn;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * The servers the admission benchmark can put beside Greenroom, on loopback, until it is
 * killed:
 * <ul>
 * <li>{@code ome PORT N SEED}: a stand-in for OME's REST API (OkHttp MockWebServer, not
 * OME) that serves OME 0.19's captured bodies ({@code src/test/resources/ome-api}) for N
 * live streams: the first N slots of the seed file, a publisher sending H.264 without
 * B-frames and two WebRTC viewers each;</li>
 * <li>{@code hang PORT}: accepts every request and never answers, as a hanging Discord or
 * a hanging OME API does.</li>
 * </ul>
 * {@code GET /bench/requests} answers how many other requests came.
 */
public final class BenchStandIns {

	private BenchStandIns() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		Dispatcher answers = switch (args[0]) {
			case "ome" -> liveStreams(Integer.parseInt(args[2]), Path.of(args[3]));
			case "hang" -> new Dispatcher() {
				@Override
				public MockResponse dispatch(RecordedRequest request) {
					return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
				}
			};
			default -> throw new IllegalArgumentException("Unknown stand-in '" + args[0] + "': ome or hang");
		};
		AtomicLong requests = new AtomicLong();
		MockWebServer server = new MockWebServer();
		server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
				// The benchmark asks how many requests came, to report what the poller
				// did.
				if ("/bench/requests".equals(request.getPath())) {
					return new MockResponse().setBody(Long.toString(requests.get()));
				}
				requests.incrementAndGet();
				return answers.dispatch(request);
			}
		});
		server.start(Integer.parseInt(args[1]));
		System.out.printf("stand-in '%s' listening on 127.0.0.1:%d%n", args[0], server.getPort());
		Thread.currentThread().join();
	}

	/** Puts the first {@code count} slots of the seed file on air. */
	static OmeStandIn liveStreams(int count, Path seed) throws IOException {
		OmeStandIn ome = new OmeStandIn();
		// The seed's first line is the admission secret; then "app slot secret" lines.
		List<String> slots = Files.readAllLines(seed).subList(1, 1 + count);
		for (String line : slots) {
			String[] parts = line.split(" ");
			ome.onAir(parts[0], parts[1], "stream_detail_nobframes_g45.json", "stats_stream_2_webrtc_viewers.json");
		}
		return ome;
	}

}
