package io.greenroom.live;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import io.greenroom.ome.OmeApiClient;
import io.greenroom.ome.OmeSecretValues;
import io.greenroom.ome.OmeSecrets;
import io.greenroom.ome.OmeStream;
import io.greenroom.ome.OmeStreamsListed;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The poller against a MockWebServer serving OME 0.19's captured REST bodies.
 */
class OmePollerTests {

	private static final Instant NOW = Instant.parse("2026-11-25T20:00:00Z");

	private MockWebServer server;

	private final OmeStandIn ome = new OmeStandIn();

	private final List<Object> events = new ArrayList<>();

	private MutableClock clock = new MutableClock(NOW);

	/** The apps with a slot on air, as admission knows them. */
	private final AtomicReference<Set<String>> busy = new AtomicReference<>(Set.of());

	private OmePoller poller;

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.setDispatcher(this.ome);
		this.server.start();
		this.poller = poller(this.server.url("/"), Duration.ofSeconds(5));
	}

	private OmePoller poller(okhttp3.HttpUrl url, Duration timeout) {
		OmeApiClient api = new OmeApiClient(url, secrets(), timeout, timeout);
		return new OmePoller(api, () -> new TreeSet<>(List.of("call", "show")), this.busy::get,
				new LiveProperties(Duration.ofSeconds(2), Duration.ofSeconds(10)), new LiveDemand(this.clock),
				this.events::add, this.clock);
	}

	private static OmeSecrets secrets() {
		OmeSecrets secrets = mock(OmeSecrets.class);
		given(secrets.current()).willReturn(new OmeSecretValues("ome-access-token", "admission"));
		return secrets;
	}

	@AfterEach
	void stop() throws IOException {
		this.server.shutdown();
	}

	@Test
	void keepsTheDetailAndTrafficOfEveryLiveStream() {
		this.ome.onAir("show", "slot-1", "stream_detail_nobframes_g45.json", "stats_stream_2_webrtc_viewers.json")
			.onAir("show", "slot-2", "stream_detail_bframes.json", "stats_stream_bframes_0_viewers.json");
		LiveSnapshot snapshot = this.poller.poll();
		assertThat(snapshot.reachable()).isTrue();
		assertThat(snapshot.streams("show")).hasSize(2);
		assertThat(snapshot.streams("call")).isEmpty();
		OmeStream slot1 = snapshot.stream("show", "slot-1");
		assertThat(slot1.video().hasBframes()).isFalse();
		assertThat(slot1.stats().webrtcViewers()).isEqualTo(2);
		assertThat(snapshot.stream("show", "slot-2").video().hasBframes()).isTrue();
		assertThat(this.poller.snapshot()).isSameAs(snapshot);
		assertThat(this.events).hasSize(2);
		OmeStreamsListed listed = (OmeStreamsListed) this.events.get(0);
		assertThat(listed.byApp()).containsOnlyKeys("call", "show");
		assertThat(listed.byApp().get("show")).extracting(OmeStream::name)
			.containsExactlyInAnyOrder("slot-1", "slot-2");
		assertThat(this.events.get(1)).isSameAs(snapshot);
		// One list per app, then detail and traffic per stream, one at a time.
		assertThat(this.server.getRequestCount()).isEqualTo(2 + 2 * 2);
	}

	@Test
	void betweenSweepsReadsOnlyTheAppsOnAirWatchedOrWithStreams() {
		// A thousand-app catalog would otherwise cost a thousand lists every poll.
		LiveDemand demand = new LiveDemand(this.clock);
		OmeApiClient api = new OmeApiClient(this.server.url("/"), secrets(), Duration.ofSeconds(5),
				Duration.ofSeconds(5));
		OmePoller poller = new OmePoller(api, () -> new TreeSet<>(List.of("call", "quiet", "show", "talks")),
				this.busy::get, new LiveProperties(Duration.ofSeconds(2), Duration.ofSeconds(10)), demand,
				this.events::add, this.clock);
		this.ome.onAir("show", "slot-1", "stream_detail_nobframes_g45.json", "stats_stream_2_webrtc_viewers.json");
		this.ome.onAir("quiet", "slot-9", "stream_detail_rtmp.json", "stream_stats_rtmp.json");
		assertThat(poller.poll().streams("quiet")).hasSize(1);
		assertThat(this.server.getRequestCount()).as("the first poll sweeps every app").isEqualTo(4 + 2 * 2);

		// 2 s later: "show" and "quiet" had streams, "call" is on air by admission,
		// "talks" is watched.
		this.ome.offAir("quiet", "slot-9");
		this.ome.onAir("talks", "slot-3", "stream_detail_rtmp.json", "stream_stats_rtmp.json");
		this.busy.set(Set.of("call"));
		demand.boardOpened("talks");
		this.clock.advance(Duration.ofSeconds(2));
		int before = this.server.getRequestCount();
		LiveSnapshot between = poller.poll();
		assertThat(this.server.getRequestCount() - before).isEqualTo(4 + 2 * 2);
		assertThat(between.streams("quiet")).as("read again, since it had a stream").isEmpty();
		assertThat(between.streams("talks")).hasSize(1);
		assertThat(between.streams("show")).hasSize(1);

		// Nothing busy but "show": one list and its stream; a stream OME has in a quiet
		// app waits for the sweep.
		demand.boardClosed("talks");
		this.ome.offAir("talks", "slot-3");
		this.busy.set(Set.of());
		poller.poll();
		this.ome.onAir("quiet", "slot-9", "stream_detail_rtmp.json", "stream_stats_rtmp.json");
		this.clock.advance(Duration.ofSeconds(2));
		before = this.server.getRequestCount();
		LiveSnapshot quiet = poller.poll();
		assertThat(this.server.getRequestCount() - before).isEqualTo(1 + 2);
		assertThat(quiet.streams("quiet")).isEmpty();
		assertThat(quiet.streams("show")).hasSize(1);
		OmeStreamsListed listed = (OmeStreamsListed) this.events.get(this.events.size() - 2);
		assertThat(listed.byApp()).as("only what was read is told to the reconciliation").containsOnlyKeys("show");

		this.clock.advance(Duration.ofSeconds(10));
		assertThat(poller.poll().streams("quiet")).as("found by the next sweep").hasSize(1);
	}

	@Test
	void aStreamThatEndsBetweenTheListAndItsDetailIsLeftOut() {
		this.ome.onAir("show", "slot-1", "stream_detail_nobframes_g45.json", "stats_stream_2_webrtc_viewers.json");
		this.server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
			@Override
			public MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) throws InterruptedException {
				MockResponse answer = OmePollerTests.this.ome.dispatch(request);
				if (request.getPath().endsWith("/streams")) {
					// Listed now, gone by the time its detail is asked for.
					OmePollerTests.this.ome.offAir("show", "slot-1");
				}
				return answer;
			}
		});
		LiveSnapshot snapshot = this.poller.poll();
		assertThat(snapshot.reachable()).isTrue();
		assertThat(snapshot.streams("show")).isEmpty();
	}

	@Test
	void aWrongTokenKeepsTheLastStateAndSaysWhy() {
		this.ome.onAir("show", "slot-1", "stream_detail_nobframes_g45.json", "stats_stream_2_webrtc_viewers.json");
		this.poller.poll();
		this.ome.refuseWith(401);
		this.clock.advance(Duration.ofSeconds(2));
		LiveSnapshot snapshot = this.poller.poll();
		assertThat(snapshot.reachable()).isFalse();
		assertThat(snapshot.problem()).contains("HTTP 401 (wrong access token)");
		assertThat(snapshot.unreachableSince()).isEqualTo(NOW.plusSeconds(2));
		assertThat(snapshot.stream("show", "slot-1")).as("last known state kept").isNotNull();
		assertThat(this.events).filteredOn(OmeStreamsListed.class::isInstance)
			.as("the reconciliation hears nothing from a failed poll")
			.hasSize(1);
	}

	@Test
	void malformedJsonIsAFailedPollNotACrash() {
		this.server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
			@Override
			public MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
				return new MockResponse().setBody("{\"message\":\"OK\",\"response\":[\"slot-1\"");
			}
		});
		LiveSnapshot snapshot = this.poller.poll();
		assertThat(snapshot.reachable()).isFalse();
		assertThat(snapshot.problem()).contains("not JSON");
	}

	@Test
	void aReplySlowerThanTheTimeoutIsAFailedPollWithinTheTimeout() {
		this.server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
			@Override
			public MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
				return OmeStandIn.captured(200, "streams_list_empty.json")
					.setHeadersDelay(5, java.util.concurrent.TimeUnit.SECONDS);
			}
		});
		OmePoller impatient = poller(this.server.url("/"), Duration.ofMillis(500));
		long start = System.nanoTime();
		LiveSnapshot snapshot = impatient.poll();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3500));
		assertThat(snapshot.reachable()).isFalse();
		assertThat(snapshot.problem()).as("the call or the read timed out, whichever came first")
			.containsAnyOf("timeout", "timed out");
	}

	@Test
	void omeDownThenBackIsReportedWithTheTimeItWentAwayAndRecoversByItself() throws IOException {
		this.ome.onAir("show", "slot-1", "stream_detail_nobframes_g45.json", "stats_stream_2_webrtc_viewers.json");
		int port = this.server.getPort();
		assertThat(this.poller.poll().reachable()).isTrue();
		// Down: every connection dropped as it opens, on the same port (a server started
		// again could find its port taken meanwhile).
		this.server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
			@Override
			public MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
				return new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AT_START);
			}
		});
		this.clock.advance(Duration.ofSeconds(2));
		LiveSnapshot down = this.poller.poll();
		assertThat(down.reachable()).isFalse();
		assertThat(down.unreachableSince()).isEqualTo(NOW.plusSeconds(2));
		assertThat(down.omeUrl()).isEqualTo("http://" + this.server.getHostName() + ":" + port + "/");
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.poller.poll().unreachableSince()).as("still the first failure").isEqualTo(NOW.plusSeconds(2));

		this.server.setDispatcher(this.ome);
		LiveSnapshot back = this.poller.poll();
		assertThat(back.reachable()).isTrue();
		assertThat(back.unreachableSince()).isNull();
		assertThat(back.problem()).isNull();
		assertThat(back.stream("show", "slot-1")).isNotNull();
	}

	@Test
	void pollsFastOnlyWhileSomeoneWatches() {
		LiveDemand demand = new LiveDemand(this.clock);
		assertThat(demand.wanted()).isFalse();
		demand.boardOpened("show");
		assertThat(demand.wanted()).isTrue();
		demand.boardClosed("show");
		assertThat(demand.wanted()).isFalse();
		demand.scraped();
		assertThat(demand.wanted()).isTrue();
		this.clock.advance(LiveDemand.SCRAPE_MEMORY.plusSeconds(1));
		assertThat(demand.wanted()).isFalse();
	}

	/** A clock a test moves by hand. */
	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
