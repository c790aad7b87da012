package io.greenroom.call;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.greenroom.admission.LivePublishers;
import io.greenroom.admission.ViewerTokens;
import io.greenroom.config.PasswordConfiguration;
import io.greenroom.config.SecurityConfiguration;
import io.greenroom.ome.OmeConfiguration;
import io.greenroom.publish.PublicProperties;
import io.greenroom.publish.PublishEndpoints;
import io.greenroom.stream.AccessPolicy;
import io.greenroom.stream.App;
import io.greenroom.stream.DuplicatePublisher;
import io.greenroom.stream.PublishSecret;
import io.greenroom.stream.Slot;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The seat endpoints without a login or CSRF token: the participant token hands out the
 * slot's WHIP URL to the joiner only; a replaced link, a bad name and a full call get
 * their own answers.
 */
@WebMvcTest(CallSeatController.class)
@Import({ SecurityConfiguration.class, PasswordConfiguration.class, CallSeatControllerTests.Wiring.class })
class CallSeatControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private OmeConfiguration omeConfiguration;

	@MockitoBean
	private LivePublishers live;

	@MockitoBean
	private ParticipantLinks links;

	@MockitoBean
	private CallSeats seats;

	@MockitoBean
	private StreamCatalog catalog;

	@MockitoBean
	private ViewerTokens viewerTokens;

	private final App call = mock(App.class);

	private final Slot slot = mock(Slot.class);

	@BeforeEach
	void setUp() {
		given(this.call.getName()).willReturn("call");
		given(this.call.getAccessPolicy()).willReturn(new AccessPolicy(false, DuplicatePublisher.DENY));
		given(this.links.resolve(anyString(), any())).willReturn(Optional.empty());
		given(this.links.resolve("call", "7.good")).willReturn(Optional.of(this.call));
		given(this.slot.getName()).willReturn("slot-3");
		given(this.slot.getBitrateKbps()).willReturn(2500);
		given(this.slot.getPublishSecret()).willReturn(new PublishSecret("s3cr3t-for-slot-3"));
		given(this.catalog.findSlotById(3L)).willReturn(Optional.of(this.slot));
		given(this.catalog.findAppByName("call")).willReturn(Optional.of(this.call));
	}

	@Test
	void handsTheJoinerTheirSlotsWhipUrlWithoutLoginOrCsrf() throws Exception {
		given(this.seats.take(this.call, "Ada"))
			.willReturn(Optional.of(new Seat("seat-id", "call", 3L, "slot-3", "Ada", Instant.EPOCH)));
		this.mvc.perform(post("/call/call/seats").param("join", "7.good").param("name", "  Ada "))
			.andExpect(status().isCreated())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(jsonPath("$.seat").value("seat-id"))
			.andExpect(jsonPath("$.slot").value("slot-3"))
			.andExpect(jsonPath("$.name").value("Ada"))
			.andExpect(jsonPath("$.whipUrl")
				.value("https://live.example.org/ome/call/slot-3?direction=whip&key=s3cr3t-for-slot-3"))
			.andExpect(jsonPath("$.bitrateKbps").value(2500))
			.andExpect(jsonPath("$.renewSeconds").value(10));
	}

	@Test
	void aReplacedOrMissingLinkGetsNoSeat() throws Exception {
		this.mvc.perform(post("/call/call/seats").param("join", "7.old").param("name", "Ada"))
			.andExpect(status().isGone())
			.andExpect(jsonPath("$.message").value(CallSeatController.LINK_GONE));
		this.mvc.perform(post("/call/call/seats").param("name", "Ada")).andExpect(status().isGone());
		this.mvc.perform(get("/call/call/seats").param("join", "7.old"))
			.andExpect(status().isGone())
			.andExpect(jsonPath("$.valid").value(false));
		verify(this.seats, never()).take(any(), any());
	}

	@Test
	void saysHowManySeatsAreFree() throws Exception {
		given(this.seats.free(this.call)).willReturn(2);
		this.mvc.perform(get("/call/call/seats").param("join", "7.good"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.free").value(2));
	}

	@Test
	void asksForAName() throws Exception {
		for (String name : List.of("", "   ", "x".repeat(41), "a\u0007b")) {
			this.mvc.perform(post("/call/call/seats").param("join", "7.good").param("name", name))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value("name"))
				.andExpect(jsonPath("$.message").value(containsString("Type your name")));
		}
		verify(this.seats, never()).take(any(), any());
	}

	@Test
	void saysClearlyWhenEverySeatIsTaken() throws Exception {
		given(this.seats.take(this.call, "Ada")).willReturn(Optional.empty());
		this.mvc.perform(post("/call/call/seats").param("join", "7.good").param("name", "Ada"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.message").value(containsString("Every seat of this call is taken")));
	}

	@Test
	void renewsAndLeavesBySeatId() throws Exception {
		given(this.seats.renew("call", "seat-id")).willReturn(true);
		this.mvc.perform(post("/call/call/seats/seat-id/renew")).andExpect(status().isNoContent());
		this.mvc.perform(post("/call/call/seats/other/renew")).andExpect(status().isGone());
		this.mvc.perform(post("/call/call/seats/seat-id/leave")).andExpect(status().isNoContent());
		verify(this.seats).leave("call", "seat-id");
	}

	@Test
	void namesNeedAViewerLinkForAPrivateApp() throws Exception {
		given(this.seats.names("call")).willReturn(Map.of("slot-3", "Ada"));
		this.mvc.perform(get("/call/call/names"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.slot-3").value("Ada"));
		given(this.call.getAccessPolicy()).willReturn(new AccessPolicy(true, DuplicatePublisher.DENY));
		this.mvc.perform(get("/call/call/names")).andExpect(status().isForbidden());
		given(this.viewerTokens.allows("v1", "call", ViewerTokens.ALL_SLOTS)).willReturn(true);
		this.mvc.perform(get("/call/call/names").param("token", "v1")).andExpect(status().isOk());
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
			return Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
		}

	}

}
