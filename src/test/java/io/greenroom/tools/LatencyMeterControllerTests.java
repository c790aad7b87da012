package io.greenroom.tools;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.greenroom.admission.LivePublishers;
import io.greenroom.admission.ViewerTokens;
import io.greenroom.config.PasswordConfiguration;
import io.greenroom.config.SecurityConfiguration;
import io.greenroom.ome.OmeConfiguration;
import io.greenroom.publish.PublicProperties;
import io.greenroom.publish.PublishEndpoints;
import io.greenroom.stream.App;
import io.greenroom.stream.PublishSecret;
import io.greenroom.stream.Slot;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The latency meter page: behind the admin login, plays the slot where the layout pages
 * would, with a viewer link of its own for a private app, and hands out the slot's WHIP
 * URL only on request.
 */
@WebMvcTest(LatencyMeterController.class)
@Import({ SecurityConfiguration.class, PasswordConfiguration.class, LatencyMeterControllerTests.Wiring.class })
@WithMockUser
class LatencyMeterControllerTests {

	private static final String SECRET = "Zx9_abcdefghijklmnopqrstuvwx-1a2b";

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private OmeConfiguration omeConfiguration;

	@MockitoBean
	private LivePublishers live;

	@MockitoBean
	private StreamCatalog catalog;

	@MockitoBean
	private ViewerTokens tokens;

	@Test
	void playsAPublicSlotWithoutAViewerLinkOrTheSecret() throws Exception {
		given(this.catalog.findSlot("show", "slot-1")).willReturn(Optional.of(slot(false)));
		this.mvc.perform(get("/tools/latency/show/slot-1"))
			.andExpect(status().isOk())
			.andExpect(view().name(LatencyMeterController.VIEW_METER))
			.andExpect(model().attribute("page",
					new MeterPage("show", "slot-1", "Racer 1", "wss://live.example.org/ome/show/slot-1", "/live/show",
							"/tools/latency/show/slot-1/whip")))
			.andExpect(content().string(containsString("/js/players.js")))
			.andExpect(content().string(not(containsString(SECRET))));
	}

	@Test
	void givesAPrivateSlotsPlayerAViewerLinkOfItsOwn() throws Exception {
		given(this.catalog.findSlot("show", "slot-1")).willReturn(Optional.of(slot(true)));
		given(this.tokens.issue("show", "slot-1", NOW.plus(LatencyMeterController.VIEWER_LINK_LIFETIME)))
			.willReturn("v1.show.slot-1.sig");
		this.mvc.perform(get("/tools/latency/show/slot-1"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("page",
					new MeterPage("show", "slot-1", "Racer 1",
							"wss://live.example.org/ome/show/slot-1?token=v1.show.slot-1.sig",
							"/live/show?token=v1.show.slot-1.sig", "/tools/latency/show/slot-1/whip")));
	}

	@Test
	void answersTheSlotsWhipUrlOnRequestUncached() throws Exception {
		given(this.catalog.findSlot("show", "slot-1")).willReturn(Optional.of(slot(false)));
		this.mvc.perform(get("/tools/latency/show/slot-1/whip"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(
					jsonPath("$.url").value("https://live.example.org/ome/show/slot-1?direction=whip&key=" + SECRET));
	}

	@Test
	void answers404ForAnUnknownSlot() throws Exception {
		given(this.catalog.findSlot("show", "nobody")).willReturn(Optional.empty());
		this.mvc.perform(get("/tools/latency/show/nobody")).andExpect(status().isNotFound());
		this.mvc.perform(get("/tools/latency/show/nobody/whip")).andExpect(status().isNotFound());
	}

	@Test
	void listsEverySlotOfAnAppWithItsPlayerAndNoSecret() throws Exception {
		Slot first = slot(false);
		given(this.catalog.findAppByName("show")).willReturn(Optional.of(first.getApp()));
		Slot second = new Slot(first.getApp(), "slot-2", "Racer 2", 3000, new PublishSecret(SECRET.replace('Z', 'Y')),
				Instant.parse("2026-11-01T10:00:00Z"));
		given(this.catalog.listSlots(7L)).willReturn(List.of(first, second));
		this.mvc.perform(get("/tools/latency/show"))
			.andExpect(status().isOk())
			.andExpect(view().name(LatencyMeterController.VIEW_ALL))
			.andExpect(model().attribute("slots",
					List.of(new MeterRow("slot-1", "Racer 1", "wss://live.example.org/ome/show/slot-1",
							"/tools/latency/show/slot-1"),
							new MeterRow("slot-2", "Racer 2", "wss://live.example.org/ome/show/slot-2",
									"/tools/latency/show/slot-2"))))
			.andExpect(model().attribute("liveUrl", "/live/show"))
			.andExpect(content().string(containsString("id=\"row-slot-2\"")))
			.andExpect(content().string(containsString("/js/latency-all.js")))
			.andExpect(content().string(not(containsString(SECRET))))
			.andExpect(content().string(not(containsString(SECRET.replace('Z', 'Y')))));
	}

	@Test
	void givesEachSlotOfAPrivateAppItsOwnViewerLink() throws Exception {
		Slot first = slot(true);
		given(this.catalog.findAppByName("show")).willReturn(Optional.of(first.getApp()));
		given(this.catalog.listSlots(7L)).willReturn(List.of(first));
		given(this.tokens.issue("show", "slot-1", NOW.plus(LatencyMeterController.VIEWER_LINK_LIFETIME)))
			.willReturn("v1.show.slot-1.sig");
		this.mvc.perform(get("/tools/latency/show"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("slots", List.of(new MeterRow("slot-1", "Racer 1",
					"wss://live.example.org/ome/show/slot-1?token=v1.show.slot-1.sig", "/tools/latency/show/slot-1"))))
			.andExpect(model().attribute("liveUrl", "/live/show?token=v1.show.slot-1.sig"));
	}

	@Test
	void answers404ForAnUnknownApp() throws Exception {
		given(this.catalog.findAppByName("nowhere")).willReturn(Optional.empty());
		this.mvc.perform(get("/tools/latency/nowhere")).andExpect(status().isNotFound());
	}

	@Test
	@WithAnonymousUser
	void needsTheAdminLogin() throws Exception {
		this.mvc.perform(get("/tools/latency/show")).andExpect(status().isFound());
		this.mvc.perform(get("/tools/latency/show/slot-1"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/tools/latency/show/slot-1/whip")).andExpect(status().isFound());
	}

	private static Slot slot(boolean privateViewing) {
		App app = new App("show", Instant.parse("2026-11-01T10:00:00Z"));
		ReflectionTestUtils.setField(app, "id", 7L);
		ReflectionTestUtils.setField(app, "privateViewing", privateViewing);
		Slot slot = new Slot(app, "slot-1", "Racer 1", 3000, new PublishSecret(SECRET),
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
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
