package io.greenroom.ome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

	private static MockResponse captured(int status, String file) throws IOException {
		return new MockResponse().setResponseCode(status)
			.setHeader("Content-Type", "application/json")
			.setBody(new ClassPathResource("ome-api/" + file).getContentAsString(StandardCharsets.UTF_8));
	}

}
