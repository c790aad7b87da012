package io.greenroom.publish;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class PublishEndpointsTests {

	static Stream<Arguments> settings() {
		return Stream.of(
				Arguments.of("through Caddy on 443",
						new PublicProperties("live.example.org", true, 443, "/ome", 3333, 1935, List.of()),
						"https://live.example.org/ome/show/slot-1?direction=whip&key=S3cr3t",
						"rtmp://live.example.org:1935/show", "wss://live.example.org/ome/show/slot-1"),
				Arguments.of("through Caddy on 8443 with another prefix",
						new PublicProperties("live.example.org", true, 8443, "/media/ome", 3333, 1935, List.of()),
						"https://live.example.org:8443/media/ome/show/slot-1?direction=whip&key=S3cr3t",
						"rtmp://live.example.org:1935/show", "wss://live.example.org:8443/media/ome/show/slot-1"),
				Arguments.of("straight to OME on a LAN",
						new PublicProperties("192.168.1.20", false, 443, "/ome", 3333, 1935, List.of()),
						"http://192.168.1.20:3333/show/slot-1?direction=whip&key=S3cr3t",
						"rtmp://192.168.1.20:1935/show", "ws://192.168.1.20:3333/show/slot-1"),
				Arguments.of("straight to OME on other ports",
						new PublicProperties("studio.lan", false, 443, "/ome", 4333, 11935, List.of()),
						"http://studio.lan:4333/show/slot-1?direction=whip&key=S3cr3t", "rtmp://studio.lan:11935/show",
						"ws://studio.lan:4333/show/slot-1"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("settings")
	void buildsUrlsFromSettings(String description, PublicProperties properties, String whip, String rtmp,
			String play) {
		PublishEndpoints endpoints = new PublishEndpoints(properties);
		assertThat(endpoints.whipUrl("show", "slot-1", "S3cr3t")).isEqualTo(whip);
		assertThat(endpoints.rtmpServer("show")).isEqualTo(rtmp);
		assertThat(endpoints.playUrl("show", "slot-1")).isEqualTo(play);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("settings")
	void keepsTheSecretOutOfTheStreamName(String description, PublicProperties properties) {
		PublishEndpoints endpoints = new PublishEndpoints(properties);
		// OME takes the last path segment before '?' as the stream name.
		String rtmpUrl = endpoints.rtmpServer("show") + "/" + endpoints.rtmpStreamKey("slot-1", "S3cr3t");
		assertThat(streamName(rtmpUrl)).isEqualTo("slot-1");
		assertThat(streamName(endpoints.whipUrl("show", "slot-1", "S3cr3t"))).isEqualTo("slot-1");
		assertThat(endpoints.playUrl("show", "slot-1")).doesNotContain("S3cr3t");
	}

	@Test
	void spreadsViewerPagesOverTheEdgesInTurn() {
		PublishEndpoints endpoints = new PublishEndpoints(new PublicProperties("origin.example.org", true, 443, "/ome",
				3333, 1935, List.of("edge-1.example.org", "edge-2.example.org")));
		List<String> hosts = Stream.generate(endpoints::nextViewerHost).limit(5).toList();
		assertThat(hosts).containsExactly("edge-1.example.org", "edge-2.example.org", "edge-1.example.org",
				"edge-2.example.org", "edge-1.example.org");
		assertThat(endpoints.playUrl(hosts.get(1), "show", "slot-1"))
			.isEqualTo("wss://edge-2.example.org/ome/show/slot-1");
		assertThat(endpoints.whipUrl("show", "slot-1", "S3cr3t")).startsWith("https://origin.example.org/");
	}

	@Test
	void servesViewersFromThisHostWithoutEdges() {
		PublishEndpoints endpoints = new PublishEndpoints(
				new PublicProperties("192.168.1.20", false, 443, "/ome", 3333, 1935, List.of()));
		assertThat(endpoints.nextViewerHost()).isEqualTo("192.168.1.20");
		assertThat(endpoints.playUrl(endpoints.nextViewerHost(), "show", "slot-1"))
			.isEqualTo("ws://192.168.1.20:3333/show/slot-1");
	}

	private static String streamName(String url) {
		String path = url.substring(0, url.indexOf('?'));
		return path.substring(path.lastIndexOf('/') + 1);
	}

}
