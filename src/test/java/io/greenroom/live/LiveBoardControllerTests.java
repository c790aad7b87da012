package io.greenroom.live;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.greenroom.admission.LiveControl;
import io.greenroom.admission.LivePublishers;
import io.greenroom.admission.ViewerTokens;
import io.greenroom.config.PasswordConfiguration;
import io.greenroom.config.SecurityConfiguration;
import io.greenroom.ome.OmeApiClient;
import io.greenroom.ome.OmeConfiguration;
import io.greenroom.publish.PublicProperties;
import io.greenroom.publish.PublishEndpoints;
import io.greenroom.stream.App;
import io.greenroom.stream.PublishSecret;
import io.greenroom.stream.Slot;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(LiveBoardController.class)
@Import({ SecurityConfiguration.class, PasswordConfiguration.class, LiveBoardControllerTests.Wiring.class })
@WithMockUser
class LiveBoardControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private LiveBoard board;

	@MockitoBean
	private LiveControl control;

	@MockitoBean
	private StreamCatalog catalog;

	@MockitoBean
	private ViewerTokens viewerTokens;

	@MockitoBean
	private OmeConfiguration omeConfiguration;

	@MockitoBean
	private LivePublishers live;

	@BeforeEach
	void knownAppAndSlot() {
		given(this.catalog.findApp(7L)).willReturn(Optional.of(show()));
		given(this.catalog.findSlot(7L, 3L)).willReturn(Optional.of(slotOne()));
	}

	@Test
	void showsACardPerSlotWithItsWarnings() throws Exception {
		SlotCard card = new SlotCard(3L, "slot-1", "Racer 1", true, 0L, "admitted", "RTMP", "172.18.0.5:40123",
				"H264 640×360", 30, 768, 767, 1, "AAC 66 Kbps", 0, 2, 0, 2500,
				List.of(new StreamHealth.Warning(StreamHealth.Kind.BFRAMES, "B-frames are on.",
						"OBS → Settings → Output → Streaming → x264 Options: bframes=0")));
		given(this.board.view(any()))
			.willReturn(new BoardView("show", 0, true, "http://ome:8081/", null, null, 1, 0, List.of(card)));
		this.mvc.perform(get("/apps/7/live"))
			.andExpect(status().isOk())
			.andExpect(view().name(LiveBoardController.VIEW_BOARD))
			.andExpect(content().string(containsString("id=\"card-slot-1\"")))
			.andExpect(content().string(containsString("x264 Options: bframes=0")))
			.andExpect(content().string(containsString("/apps/7/live/events")));
	}

	@Test
	void anUnknownAppIsAReadableNotFoundPage() throws Exception {
		this.mvc.perform(get("/apps/99/live")).andExpect(status().isNotFound());
	}

	@Test
	void kickAndBlockMakesANewSecretBeforeTheKickAndSaysSo() throws Exception {
		given(this.control.kick("show", "slot-1")).willReturn(OmeApiClient.KickResult.KICKED);
		this.mvc.perform(post("/apps/7/live/3/block").with(csrf()))
			.andExpect(redirectedUrl("/apps/7/live"))
			.andExpect(flash().attribute("message", containsString("Made a new secret for 'slot-1' first")));
		InOrder order = inOrder(this.catalog, this.control);
		order.verify(this.catalog).rotateSecret(7L, 3L);
		order.verify(this.control).kick("show", "slot-1");
	}

	@Test
	void kickAndBlockSaysTheSecretChangedEvenWhenOmeCannotBeReached() throws Exception {
		given(this.control.kick("show", "slot-1")).willReturn(OmeApiClient.KickResult.FAILED);
		this.mvc.perform(post("/apps/7/live/3/block").with(csrf()))
			.andExpect(flash().attribute("errorMessage", containsString("Made a new secret")))
			.andExpect(flash().attribute("errorMessage", containsString("could not be reached")));
	}

	@Test
	void kickLeavesTheSecretAlone() throws Exception {
		given(this.control.kick("show", "slot-1")).willReturn(OmeApiClient.KickResult.KICKED);
		this.mvc.perform(post("/apps/7/live/3/kick").with(csrf()))
			.andExpect(flash().attribute("message", containsString("Kick and block")));
		verify(this.catalog, never()).rotateSecret(7L, 3L);
	}

	@Test
	void kicksOnlyWithTheFormsCsrfToken() throws Exception {
		this.mvc.perform(post("/apps/7/live/3/block")).andExpect(status().isForbidden());
		this.mvc.perform(post("/apps/7/live/3/kick")).andExpect(status().isForbidden());
		verifyNoInteractions(this.control);
		verify(this.catalog, never()).rotateSecret(7L, 3L);
	}

	private static App show() {
		App app = new App("show", Instant.parse("2026-11-01T10:00:00Z"));
		ReflectionTestUtils.setField(app, "id", 7L);
		return app;
	}

	private static Slot slotOne() {
		Slot slot = new Slot(show(), "slot-1", "Racer 1", 2500, new PublishSecret("Zx9_abcdefghijklmnopqrstuvwx-1a2b"),
				Instant.parse("2026-11-01T10:00:00Z"));
		ReflectionTestUtils.setField(slot, "id", 3L);
		return slot;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Wiring {

		@Bean
		PublishEndpoints publishEndpoints() {
			return new PublishEndpoints(
					new PublicProperties("live.example.org", true, 443, "/ome", 3333, 1935, List.of()));
		}

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-11-25T20:00:00Z"), ZoneOffset.UTC);
		}

	}

}
