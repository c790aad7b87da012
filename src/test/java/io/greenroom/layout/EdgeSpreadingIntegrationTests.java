package io.greenroom.layout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.greenroom.GreenroomInstance;
import io.greenroom.stream.App;
import io.greenroom.stream.Slot;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With edge hosts set, each viewer page load sends its players to the next edge, while
 * the OBS values stay on the origin.
 */
class EdgeSpreadingIntegrationTests {

	@TempDir
	Path data;

	@Test
	void pageLoadsTakeTheEdgesInTurnAndEveryPlayerOfALoadDialsTheSameEdge() throws Exception {
		try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(this.data,
				"greenroom.public.host=origin.example.org",
				"greenroom.public.edge-hosts=edge-1.example.org,edge-2.example.org")) {
			StreamCatalog catalog = greenroom.bean(StreamCatalog.class);
			App show = catalog.createApp("show");
			Slot one = catalog.createSlot(show.getId(), new SlotDraft("slot-1", "Racer 1", 2500, true));
			Slot two = catalog.createSlot(show.getId(), new SlotDraft("slot-2", "Racer 2", 2500, true));
			Layouts layouts = greenroom.bean(Layouts.class);
			Layout main = layouts.create(show.getId(), "main");
			layouts.save(show.getId(), main.getId(),
					new LayoutDraft("main", 1920, 1080, null, false,
							List.of(new LayoutBox(one.getId(), 0, 0, 960, 540, 0, Fit.CONTAIN, 100, false, null),
									new LayoutBox(two.getId(), 960, 0, 960, 540, 0, Fit.CONTAIN, 100, false, null))));

			List<String> edges = new ArrayList<>();
			for (int load = 0; load < 4; load++) {
				String page = get(greenroom.baseUrl() + "/layout/show/main");
				boolean first = page.contains("data-source=\"wss://edge-1.example.org/ome/show/slot-1\"")
						&& page.contains("data-source=\"wss://edge-1.example.org/ome/show/slot-2\"");
				boolean second = page.contains("data-source=\"wss://edge-2.example.org/ome/show/slot-1\"")
						&& page.contains("data-source=\"wss://edge-2.example.org/ome/show/slot-2\"");
				assertThat(first ^ second).as("both players of one load dial one edge").isTrue();
				assertThat(page).doesNotContain("origin.example.org/ome");
				edges.add(first ? "edge-1" : "edge-2");
			}
			assertThat(edges).containsExactlyInAnyOrder("edge-1", "edge-2", "edge-1", "edge-2");
			assertThat(edges.get(0)).isNotEqualTo(edges.get(1));
			assertThat(get(greenroom.baseUrl() + "/call/show"))
				.containsPattern("wss:\\\\?/\\\\?/edge-[12]\\.example\\.org");
		}
	}

	private static String get(String url) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(url).isEqualTo(200);
		return response.body();
	}

}
