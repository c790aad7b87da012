package io.greenroom.live;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.greenroom.live.StreamHealth.Kind;
import io.greenroom.ome.OmeApiClient;
import io.greenroom.ome.OmeSecretValues;
import io.greenroom.ome.OmeSecrets;
import io.greenroom.ome.OmeStream;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Which warnings each captured stream detail raises, read through the real client from
 * OME 0.19's bodies.
 */
class StreamHealthTests {

	private static MockWebServer server;

	private static OmeApiClient client;

	@BeforeAll
	static void start() throws IOException {
		server = new MockWebServer();
		server.start();
		OmeSecrets secrets = mock(OmeSecrets.class);
		given(secrets.current()).willReturn(new OmeSecretValues("token", "admission"));
		client = new OmeApiClient(server.url("/"), secrets, Duration.ofSeconds(1), Duration.ofSeconds(2));
	}

	@AfterAll
	static void stop() throws IOException {
		server.shutdown();
	}

	static Stream<Arguments> capturedStreams() {
		return Stream.of(
				// ffmpeg -bf 2: B-frames, keyframes every 30 frames at 30 fps (1 s).
				arguments("stream_detail_bframes.json", 2500, List.of(Kind.BFRAMES)),
				// -g 45 at 30 fps: 1.5 s, within the limit; 2 Mbps against 2500 planned.
				arguments("stream_detail_nobframes_g45.json", 2500, List.of()),
				// -g 90 at 30 fps: 3 s.
				arguments("derived_stream_detail_g90.json", 2500, List.of(Kind.KEYFRAME_INTERVAL)),
				// 2 Mbps sent to a slot planned for 1000 Kbps.
				arguments("stream_detail_nobframes_g45.json", 1000, List.of(Kind.BITRATE)),
				arguments("stream_detail_slot-1_from_query_key.json", 2500, List.of()));
	}

	@ParameterizedTest(name = "{0} planned at {1} Kbps")
	@MethodSource("capturedStreams")
	void raisesTheWarningsTheCapturedStreamCallsFor(String file, int plannedKbps, List<Kind> expected) {
		assertThat(StreamHealth.check(captured(file), plannedKbps, 0, true)).extracting(StreamHealth.Warning::kind)
			.containsExactlyElementsOf(expected);
	}

	@Test
	void eachWarningGivesTheExactObsFix() {
		assertThat(StreamHealth.check(captured("stream_detail_bframes.json"), 2500, 0, true)).singleElement()
			.extracting(StreamHealth.Warning::fix)
			.asString()
			.contains("OBS → Settings → Output → Streaming → x264 Options: bframes=0");
		assertThat(StreamHealth.check(captured("derived_stream_detail_g90.json"), 2500, 0, true)).singleElement()
			.satisfies((warning) -> {
				assertThat(warning.problem()).contains("every 3.0 s");
				assertThat(warning.fix()).endsWith("Keyframe Interval: 1 s");
			});
	}

	@Test
	void aWarningClearsWhenTheStreamIsFixed() {
		assertThat(StreamHealth.check(captured("stream_detail_bframes.json"), 2500, 0, true)).isNotEmpty();
		// The streamer sets bframes=0 and keyframes to 1.5 s, and reconnects.
		assertThat(StreamHealth.check(captured("stream_detail_nobframes_g45.json"), 2500, 0, true)).isEmpty();
		assertThat(StreamHealth.check(captured("derived_stream_detail_g90.json"), 2500, 0, true)).isNotEmpty();
		assertThat(StreamHealth.check(captured("stream_detail_nobframes_g45.json"), 2500, 0, true)).isEmpty();
	}

	@Test
	void aCodecBrowsersCannotPlayOverWebRtcIsNamed() {
		OmeStream h264 = captured("stream_detail_nobframes_g45.json");
		OmeStream hevc = withVideo(h264, "H265", h264.video().framerate(), h264.video().framerateAvg());
		assertThat(StreamHealth.check(hevc, 2500, 0, true)).singleElement().satisfies((warning) -> {
			assertThat(warning.kind()).isEqualTo(Kind.CODEC);
			assertThat(warning.problem()).contains("H265");
			assertThat(warning.fix()).contains("x264");
		});
	}

	@Test
	void aFallingFrameRateIsEncoderOverload() {
		OmeStream stream = captured("stream_detail_nobframes_g45.json");
		OmeStream dropping = withVideo(stream, "H264", 18, 29);
		assertThat(StreamHealth.check(dropping, 2500, 30, true)).singleElement().satisfies((warning) -> {
			assertThat(warning.kind()).isEqualTo(Kind.FRAMERATE);
			assertThat(warning.problem()).contains("18.0 fps from 30.0");
			assertThat(warning.fix()).contains("CPU Usage Preset").contains("Resolution");
		});
		assertThat(StreamHealth.check(withVideo(stream, "H264", 29.5, 29), 2500, 30, true)).isEmpty();
	}

	@Test
	void noAudioTrackIsReportedWhenTheSlotExpectsOne() {
		OmeStream stream = captured("stream_detail_nobframes_g45.json");
		OmeStream silent = new OmeStream(stream.name(), stream.createdTime(), stream.sourceType(), stream.sourceUrl(),
				stream.video(), null, null);
		assertThat(StreamHealth.check(silent, 2500, 0, true)).extracting(StreamHealth.Warning::kind)
			.containsExactly(Kind.NO_AUDIO);
		assertThat(StreamHealth.check(silent, 2500, 0, false)).isEmpty();
	}

	private static OmeStream withVideo(OmeStream stream, String codec, double framerate, double framerateAvg) {
		OmeStream.Video v = stream.video();
		return new OmeStream(stream.name(), stream.createdTime(), stream.sourceType(), stream.sourceUrl(),
				new OmeStream.Video(codec, v.width(), v.height(), framerate, framerateAvg, v.bitrate(), v.bitrateAvg(),
						v.keyFrameInterval(), v.hasBframes()),
				stream.audio(), null);
	}

	private static OmeStream captured(String file) {
		server.enqueue(OmeStandIn.captured(200, file));
		try {
			return client.streamDetail("app", "stream").orElseThrow();
		}
		catch (OmeApiClient.OmeApiException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
