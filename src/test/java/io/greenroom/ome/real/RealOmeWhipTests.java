package io.greenroom.ome.real;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.greenroom.browser.Chromium;
import io.greenroom.publish.PublishEndpoints;
import io.greenroom.stream.App;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * WHIP into a real OME from Chromium's fake camera, from a page on another origin than
 * OME's, with Greenroom deciding admission; and what OME advertises for media when
 * {@code OME_HOST_IP} is set (issue 23).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RealOmeCondition.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealOmeWhipTests {

	/** Publishes the fake camera to arguments[0] over WHIP; answers what the page saw. */
	static final String PUBLISH = """
			const url = arguments[0], done = arguments[arguments.length - 1];
			(async () => {
			  try {
			    const media = await navigator.mediaDevices.getUserMedia({video: {width: 320, height: 180}, audio: true});
			    const pc = new RTCPeerConnection();
			    media.getTracks().forEach((track) => pc.addTransceiver(track, {direction: 'sendonly'}));
			    await pc.setLocalDescription(await pc.createOffer());
			    const response = await fetch(url, {method: 'POST', headers: {'Content-Type': 'application/sdp'},
			      body: pc.localDescription.sdp});
			    const answer = await response.text();
			    if (response.status === 201) {
			      await pc.setRemoteDescription({type: 'answer', sdp: answer});
			    }
			    (window.publishers = window.publishers || []).push(pc);
			    done({status: response.status, cors: response.type});
			  } catch (e) {
			    done({error: String(e)});
			  }
			})();
			""";

	/** An SDP offer from the fake camera, without sending it anywhere. */
	static final String OFFER = """
			const done = arguments[arguments.length - 1];
			(async () => {
			  const media = await navigator.mediaDevices.getUserMedia({video: {width: 320, height: 180}, audio: true});
			  const pc = new RTCPeerConnection();
			  media.getTracks().forEach((track) => pc.addTransceiver(track, {direction: 'sendonly'}));
			  await pc.setLocalDescription(await pc.createOffer());
			  done(pc.localDescription.sdp);
			})();
			""";

	@TempDir
	static Path work;

	private OmeStage stage;

	private Chromium chromium;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	void start() throws Exception {
		this.stage = OmeStage.start(work, (catalog) -> {
			App show = catalog.createApp("show");
			for (String slot : List.of("slot-1", "slot-2", "slot-3", "slot-4")) {
				catalog.createSlot(show.getId(), new SlotDraft(slot, slot, 2500, true));
			}
		}, Map.of());
		this.chromium = Chromium.start(800, 600, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
				"--autoplay-policy=no-user-gesture-required");
		// A page of Greenroom's (http://localhost:PORT), another origin than OME's
		// http://127.0.0.1:SIGNALLING, and a secure context for the camera.
		this.chromium.driver().get(this.stage.greenroom().baseUrl() + "/login");
		this.chromium.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
	}

	@AfterAll
	void stop() throws Exception {
		OmeStage.close(this.chromium, this.stage);
	}

	@Test
	@Order(1)
	void whipFromAPageOnAnotherOriginIsAdmittedAndASecondPublisherIsRefused() throws Exception {
		String whipUrl = whipUrl("slot-1");
		assertThat(whipUrl).startsWith("http://127.0.0.1:" + this.stage.ome().ports().signalling() + "/show/slot-1?");
		Map<String, Object> first = publish(whipUrl);
		assertThat(first).as(this.stage.ome().log()).containsEntry("status", 201L).containsEntry("cors", "cors");
		awaitListed("slot-1");

		// The app refuses a second publisher on a live slot; OME's refusal carries no
		// CORS
		// header, so the page sees only a failed fetch, and curl sees the status.
		Map<String, Object> second = publish(whipUrl);
		assertThat(second.get("error")).asString().contains("Failed to fetch");
		HttpResponse<String> refused = post(whipUrl, offer(), null);
		assertThat(refused.statusCode()).as(refused.body()).isIn(401, 409);
		assertThat(this.stage.ome().streams("show")).contains("slot-1");
	}

	@Test
	@Order(2)
	void whipIsServedUnderLocalhostAsWellAsTheLoopbackAddress() throws Exception {
		String whipUrl = whipUrl("slot-2").replace("//127.0.0.1:", "//localhost:");
		HttpResponse<String> answer = post(whipUrl, offer(), "http://elsewhere.example");
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
		Map<String, Object> published = publish(whipUrl("slot-3").replace("//127.0.0.1:", "//localhost:"));
		assertThat(published).containsEntry("status", 201L);
		awaitListed("slot-3");
	}

	@Test
	@Order(3)
	void everyCandidateAndTheTurnRelayCarryTheAdvertisedAddress() throws Exception {
		this.stage.ome().restartWith(Map.of("OME_HOST_IP", "203.0.113.10"));
		// A slot nobody used: a WHIP answer that never connects leaves its slot live
		// until
		// the reconciler notices, and the app refuses a second publisher meanwhile.
		HttpResponse<String> answer = post(whipUrl("slot-4"), offer(), null);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		String link = String.join(", ", answer.headers().allValues("Link"));
		assertThat(link).contains("turn:203.0.113.10:" + this.stage.ome().ports().relay());
		List<String> candidates = answer.body().lines().filter((line) -> line.startsWith("a=candidate")).toList();
		assertThat(candidates).isNotEmpty().allMatch((candidate) -> candidate.contains(" 203.0.113.10 "));
	}

	private String whipUrl(String slot) {
		String secret = this.stage.bean(StreamCatalog.class)
			.findSlot("show", slot)
			.orElseThrow()
			.getPublishSecret()
			.value();
		return this.stage.bean(PublishEndpoints.class).whipUrl("show", slot, secret);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> publish(String whipUrl) {
		return (Map<String, Object>) ((JavascriptExecutor) this.chromium.driver()).executeAsyncScript(PUBLISH, whipUrl);
	}

	private String offer() {
		ChromeDriver browser = this.chromium.driver();
		return (String) browser.executeAsyncScript(OFFER);
	}

	private HttpResponse<String> post(String url, String sdp, String origin) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/sdp")
			.POST(HttpRequest.BodyPublishers.ofString(sdp));
		if (origin != null) {
			request.header("Origin", origin);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void awaitListed(String slot) {
		await(slot + " listed by OME").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(
					() -> assertThat(this.stage.ome().streams("show")).as(this.stage.ome().log()).contains(slot));
	}

}
