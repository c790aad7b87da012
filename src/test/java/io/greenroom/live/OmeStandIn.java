package io.greenroom.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

import org.springframework.core.io.ClassPathResource;

/**
 * A MockWebServer dispatcher serving OME 0.19's captured REST bodies
 * ({@code src/test/resources/ome-api}) for the streams a test puts on air, by path.
 */
public final class OmeStandIn extends Dispatcher {

	private final Map<String, Map<String, String[]>> live = new ConcurrentHashMap<>();

	private volatile int status = 200;

	private final List<String> kicks = new java.util.concurrent.CopyOnWriteArrayList<>();

	/** The streams kicked through the API, as app/stream. */
	public List<String> kicks() {
		return this.kicks;
	}

	/**
	 * Puts {@code app/stream} on air, described by the captured detail and stats files.
	 */
	public OmeStandIn onAir(String app, String stream, String detailFile, String statsFile) {
		this.live.computeIfAbsent(app, (key) -> new ConcurrentHashMap<>())
			.put(stream, new String[] { detailFile, statsFile });
		return this;
	}

	/** Takes {@code app/stream} off air. */
	public OmeStandIn offAir(String app, String stream) {
		this.live.getOrDefault(app, Map.of()).remove(stream);
		return this;
	}

	/** Answers everything with this status and OME's 401 body (for 401). */
	public void refuseWith(int status) {
		this.status = status;
	}

	@Override
	public MockResponse dispatch(RecordedRequest request) {
		if (this.status != 200) {
			return captured(this.status, "wrong_token.json");
		}
		List<String> path = request.getRequestUrl().pathSegments();
		if ("DELETE".equals(request.getMethod())) {
			// A kick: OME drops the stream at once.
			String app = path.get(4);
			String stream = path.get(6);
			if (this.live.getOrDefault(app, Map.of()).remove(stream) == null) {
				return captured(404, "stream_delete_nonexistent.json");
			}
			this.kicks.add(app + "/" + stream);
			return captured(200, "stream_delete_kick.json");
		}
		boolean stats = path.size() > 2 && path.get(1).equals("stats");
		List<String> rest = stats ? path.subList(3, path.size()) : path.subList(1, path.size());
		// rest: vhosts, default, apps, {app}, streams[, {stream}]
		if (rest.size() < 5 || !rest.get(2).equals("apps") || !rest.get(4).equals("streams")) {
			return new MockResponse().setResponseCode(404);
		}
		Map<String, String[]> streams = this.live.getOrDefault(rest.get(3), Map.of());
		if (rest.size() == 5) {
			StringBuilder names = new StringBuilder();
			streams.keySet()
				.forEach((name) -> names.append(names.isEmpty() ? "" : ",").append('"').append(name).append('"'));
			return new MockResponse().setHeader("Content-Type", "application/json")
				.setBody("{\"message\":\"OK\",\"response\":[" + names + "],\"statusCode\":200}");
		}
		String[] files = streams.get(rest.get(5));
		if (files == null) {
			return captured(404, stats ? "stats_nonexistent.json" : "stream_detail_nonexistent.json");
		}
		String body = body(stats ? files[1] : files[0]);
		if (!stats) {
			// The captured detail names its own stream; answer with the one asked for.
			body = body.replaceFirst("\"name\":\"[^\"]*\",\"outputs\"", "\"name\":\"" + rest.get(5) + "\",\"outputs\"");
		}
		return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
	}

	static MockResponse captured(int status, String file) {
		return new MockResponse().setResponseCode(status)
			.setHeader("Content-Type", "application/json")
			.setBody(body(file));
	}

	static String body(String file) {
		try {
			return new ClassPathResource("ome-api/" + file).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
