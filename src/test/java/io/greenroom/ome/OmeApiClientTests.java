package io.greenroom.ome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Against OkHttp's MockWebServer serving the bodies captured from OME 0.19's REST API
 * ({@code src/test/resources/ome-api}; its README says how they were recorded).
 */
class OmeApiClientTests {

	private MockWebServer server;

	private OmeApiClient client;

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start();
		OmeSecrets secrets = mock(OmeSecrets.class);
		given(secrets.current()).willReturn(new OmeSecretValues("ome-access-token", "admission"));
		this.client = new OmeApiClient(this.server.url("/"), secrets, Duration.ofMillis(500), Duration.ofMillis(800));
	}

	@AfterEach
	void stop() throws IOException {
		this.server.shutdown();
	}

	@Test
	void kicksWithTheAccessTokenAsBasicAuth() throws Exception {
		this.server.enqueue(captured(200, "stream_delete_kick.json"));
		assertThat(this.client.kick("show", "slot-1")).isEqualTo(OmeApiClient.KickResult.KICKED);
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("DELETE");
		assertThat(request.getPath()).isEqualTo("/v1/vhosts/default/apps/show/streams/slot-1");
		assertThat(request.getHeader("Authorization")).isEqualTo(
				"Basic " + Base64.getEncoder().encodeToString("ome-access-token".getBytes(StandardCharsets.UTF_8)));
		assertThat(request.getHeader("Authorization")).isEqualTo("Basic b21lLWFjY2Vzcy10b2tlbg==");
	}

	@Test
	void listsTheStreamsOmeHasInAnApp() throws Exception {
		this.server.enqueue(captured(200, "streams_list_two.json"));
		assertThat(this.client.liveStreams("show")).contains(Set.of("nobframes", "bframes"));
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getPath()).isEqualTo("/v1/vhosts/default/apps/show/streams");
		assertThat(request.getHeader("Authorization")).isEqualTo("Basic b21lLWFjY2Vzcy10b2tlbg==");
		this.server.enqueue(captured(200, "streams_list_empty.json"));
		assertThat(this.client.liveStreams("show")).contains(Set.of());
		this.server.enqueue(captured(200, "streams_list_rtmp_query_key.json"));
		assertThat(this.client.liveStreams("show")).contains(Set.of("slot-1"));
	}

	@Test
	void anAppOmeDoesNotRunHasNoStreamsButAWrongTokenOrOddBodyTellsNothing() throws Exception {
		// Shaped like OME's 404 bodies; a 404 for a missing app was not captured.
		this.server.enqueue(new MockResponse().setResponseCode(404)
			.setBody(
					"{\"message\":\"[HTTP] Could not find the application: [default/#default#nope] (404)\",\"statusCode\":404}"));
		assertThat(this.client.liveStreams("nope")).contains(Set.of());
		this.server.enqueue(captured(401, "wrong_token.json"));
		assertThat(this.client.liveStreams("show")).isEmpty();
		this.server.enqueue(new MockResponse().setResponseCode(200).setBody("<html>proxy error</html>"));
		assertThat(this.client.liveStreams("show")).isEmpty();
		this.server.enqueue(new MockResponse().setResponseCode(200).setBody("{\"statusCode\":200}"));
		assertThat(this.client.liveStreams("show")).isEmpty();
	}

	@Test
	void saysSoWhenOmesApiCannotBeReachedForAList() throws IOException {
		this.server.shutdown();
		assertThatExceptionOfType(OmeApiClient.OmeUnreachableException.class)
			.isThrownBy(() -> this.client.liveStreams("show"));
	}

	@Test
	void reportsAStreamThatIsAlreadyGone() throws Exception {
		this.server.enqueue(captured(404, "stream_delete_nonexistent.json"));
		assertThat(this.client.kick("show", "slot-1")).isEqualTo(OmeApiClient.KickResult.NOT_LIVE);
	}

	@Test
	void reportsAWrongToken() throws Exception {
		this.server.enqueue(captured(401, "wrong_token.json"));
		assertThat(this.client.kick("show", "slot-1")).isEqualTo(OmeApiClient.KickResult.FAILED);
	}

	@Test
	void givesUpWithinTheCallTimeoutWhenOmeHangs() {
		this.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
		long start = System.nanoTime();
		assertThat(this.client.kick("show", "slot-1")).isEqualTo(OmeApiClient.KickResult.FAILED);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void reportsOmeBeingDown() throws IOException {
		this.server.shutdown();
		assertThat(this.client.kick("show", "slot-1")).isEqualTo(OmeApiClient.KickResult.FAILED);
	}

	@Test
	void readsTheTracksOfALiveStream() throws Exception {
		this.server.enqueue(captured(200, "stream_detail_bframes.json"));
		OmeStream stream = this.client.streamDetail("show", "bframes").orElseThrow();
		assertThat(this.server.takeRequest().getPath()).isEqualTo("/v1/vhosts/default/apps/show/streams/bframes");
		assertThat(stream.name()).isEqualTo("bframes");
		assertThat(stream.createdTime()).isEqualTo(Instant.parse("2026-11-24T18:56:52.710Z"));
		assertThat(stream.sourceType()).isEqualTo("Rtmp");
		assertThat(stream.sourceAddress()).isEqualTo("127.0.0.1:33728");
		OmeStream.Video video = stream.video();
		assertThat(video).isNotNull();
		assertThat(video.codec()).isEqualTo("H264");
		assertThat(video.width()).isEqualTo(640);
		assertThat(video.height()).isEqualTo(360);
		assertThat(video.hasBframes()).isTrue();
		assertThat(video.bitrate()).isEqualTo(768319);
		assertThat(video.bitrateAvg()).isEqualTo(767880);
		assertThat(video.keyFrameInterval()).isEqualTo(30.0);
		assertThat(video.keyFrameIntervalSeconds()).isEqualTo(1.0);
		assertThat(stream.audio()).isEqualTo(new OmeStream.Audio("AAC", 66120));
	}

	@Test
	void readsTheKeyframeIntervalInFramesAndGivesItInSeconds() throws Exception {
		this.server.enqueue(captured(200, "stream_detail_nobframes_g45.json"));
		OmeStream.Video video = this.client.streamDetail("show", "nobframes").orElseThrow().video();
		assertThat(video.hasBframes()).isFalse();
		assertThat(video.keyFrameInterval()).isEqualTo(45.0);
		assertThat(video.keyFrameIntervalSeconds()).isEqualTo(1.5);
	}

	@Test
	void readsTheViewersAndBytesOfALiveStream() throws Exception {
		this.server.enqueue(captured(200, "stats_stream_2_webrtc_viewers.json"));
		assertThat(this.client.streamStats("show", "nobframes"))
			.contains(new OmeStream.Stats(2, 2, 8384969, 6523753, 554516));
		assertThat(this.server.takeRequest().getPath())
			.isEqualTo("/v1/stats/current/vhosts/default/apps/show/streams/nobframes");
	}

	@Test
	void aStreamThatJustEndedHasNoDetailAndNoStats() throws Exception {
		this.server.enqueue(captured(404, "stream_detail_nonexistent.json"));
		assertThat(this.client.streamDetail("show", "gone")).isEmpty();
		this.server.enqueue(captured(404, "stats_nonexistent.json"));
		assertThat(this.client.streamStats("show", "gone")).isEmpty();
	}

	@Test
	void aWrongTokenIsAnErrorThatSaysSo() throws Exception {
		this.server.enqueue(captured(401, "wrong_token.json"));
		assertThatExceptionOfType(OmeApiClient.OmeApiException.class).isThrownBy(() -> this.client.streamNames("show"))
			.withMessageContaining("HTTP 401 (wrong access token)");
		this.server.enqueue(captured(401, "no_token.json"));
		assertThatExceptionOfType(OmeApiClient.OmeApiException.class)
			.isThrownBy(() -> this.client.streamDetail("show", "slot-1"))
			.withMessageContaining("HTTP 401");
	}

	@Test
	void aBodyThatIsNotOmesIsAnError() throws Exception {
		this.server.enqueue(new MockResponse().setResponseCode(200).setBody("{\"message\":\"OK\",\"resp"));
		assertThatExceptionOfType(OmeApiClient.OmeApiException.class)
			.isThrownBy(() -> this.client.streamDetail("show", "slot-1"))
			.withMessageContaining("not JSON");
		this.server.enqueue(new MockResponse().setResponseCode(200).setBody("{\"statusCode\":200}"));
		assertThatExceptionOfType(OmeApiClient.OmeApiException.class).isThrownBy(() -> this.client.streamNames("show"))
			.withMessageContaining("not OME's");
		this.server.enqueue(new MockResponse().setResponseCode(200).setBody("{\"response\":{\"name\":\"x\"}}"));
		assertThatExceptionOfType(OmeApiClient.OmeApiException.class)
			.isThrownBy(() -> this.client.streamDetail("show", "x"))
			.withMessageContaining("unexpected shape");
	}

	@Test
	void aReplySlowerThanTheTimeoutMeansUnreachable() {
		this.server.enqueue(captured200Slowly());
		long start = System.nanoTime();
		assertThatExceptionOfType(OmeApiClient.OmeUnreachableException.class)
			.isThrownBy(() -> this.client.streamNames("show"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
	}

	private static MockResponse captured200Slowly() {
		return new MockResponse().setResponseCode(200)
			.setBody("{\"message\":\"OK\",\"response\":[],\"statusCode\":200}")
			.setHeadersDelay(5, java.util.concurrent.TimeUnit.SECONDS);
	}

	private static MockResponse captured(int status, String file) throws IOException {
		return new MockResponse().setResponseCode(status)
			.setHeader("Content-Type", "application/json")
			.setBody(new ClassPathResource("ome-api/" + file).getContentAsString(StandardCharsets.UTF_8));
	}

}
