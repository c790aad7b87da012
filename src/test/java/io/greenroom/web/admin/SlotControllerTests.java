package io.greenroom.web.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.greenroom.admission.LiveControl;
import io.greenroom.admission.LivePublishers;
import io.greenroom.admission.SessionHistory;
import io.greenroom.admission.ViewerTokens;
import io.greenroom.config.PasswordConfiguration;
import io.greenroom.config.SecurityConfiguration;
import io.greenroom.handoff.StreamerLinks;
import io.greenroom.ome.OmeApiClient;
import io.greenroom.ome.OmeConfiguration;
import io.greenroom.publish.PublicProperties;
import io.greenroom.publish.PublishEndpoints;
import io.greenroom.stream.App;
import io.greenroom.stream.DuplicateNameException;
import io.greenroom.stream.PublishSecret;
import io.greenroom.stream.Slot;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(SlotController.class)
@Import({ SecurityConfiguration.class, PasswordConfiguration.class, SlotControllerTests.Endpoints.class })
@WithMockUser
class SlotControllerTests {

	private static final String SECRET = "Zx9_abcdefghijklmnopqrstuvwx-1a2b";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	io.greenroom.live.LiveBoard liveBoard;

	@MockitoBean
	private OmeConfiguration omeConfiguration;

	@MockitoBean
	private LivePublishers live;

	@MockitoBean
	private SessionHistory history;

	@MockitoBean
	private ViewerTokens viewerTokens;

	@MockitoBean
	private LiveControl control;

	@MockitoBean
	private StreamerLinks links;

	@MockitoBean
	private StreamCatalog catalog;

	@BeforeEach
	void knownAppAndSlot() {
		given(this.catalog.findApp(7L)).willReturn(Optional.of(show()));
		given(this.catalog.findSlot(7L, 3L)).willReturn(Optional.of(slotOne()));
		given(this.links.url(any())).willReturn("http://localhost/go/3.abcdefgh1a2b");
		given(this.links.maskedUrl(any())).willReturn("http://localhost/go/3.••••1a2b");
	}

	@Test
	void createsSlotAndShowsItsObsValues() throws Exception {
		given(this.catalog.createSlot(7L, new SlotDraft("slot-1", "Racer 1", 3000, true))).willReturn(slotOne());
		this.mvc
			.perform(post("/apps/7/slots/new").with(csrf())
				.param("name", "slot-1")
				.param("displayName", " Racer 1 ")
				.param("bitrateKbps", "3000")
				.param("enabled", "true"))
			.andExpect(redirectedUrl("/apps/7/slots/3"))
			.andExpect(flash().attribute("message", containsString("Created slot 'slot-1'")));
	}

	@Test
	void suggestsTheNextFreeSlotNameInTheCreationForm() throws Exception {
		given(this.catalog.nextSlotName(7L)).willReturn("slot-10");
		this.mvc.perform(get("/apps/7/slots/new"))
			.andExpect(model().attribute("slotForm", SlotForm.suggested("slot-10")))
			.andExpect(content().string(containsString("value=\"slot-10\"")))
			.andExpect(content().string(containsString("value=\"Slot 10\"")));
	}

	@Test
	void addsSlotsInBulkAndSaysWhichNames() throws Exception {
		Slot ten = new Slot(show(), "slot-10", "Slot 10", 4000, new PublishSecret(SECRET), Instant.EPOCH);
		Slot eleven = new Slot(show(), "slot-11", "Slot 11", 4000, new PublishSecret(SECRET), Instant.EPOCH);
		given(this.catalog.createNumberedSlots(7L, 2, 4000)).willReturn(java.util.List.of(ten, eleven));
		this.mvc.perform(post("/apps/7/slots/bulk").with(csrf()).param("count", "2").param("bitrateKbps", "4000"))
			.andExpect(redirectedUrl("/apps/7"))
			.andExpect(flash().attribute("message", containsString("Added 2 slots: slot-10 to slot-11")));
	}

	@Test
	void refusesABulkCountOutOfRange() throws Exception {
		this.mvc.perform(post("/apps/7/slots/bulk").with(csrf()).param("count", "65").param("bitrateKbps", "2500"))
			.andExpect(redirectedUrl("/apps/7"))
			.andExpect(flash().attribute("errorMessage", containsString("Add 1 to 64 slots")));
		verify(this.catalog, never()).createNumberedSlots(anyLong(), org.mockito.ArgumentMatchers.anyInt(),
				org.mockito.ArgumentMatchers.anyInt());
	}

	@Test
	void editsTheDisplayNameInPlaceAndRefusesABlankOne() throws Exception {
		this.mvc.perform(post("/apps/7/slots/3/display-name").with(csrf()).param("displayName", " Alice "))
			.andExpect(redirectedUrl("/apps/7"))
			.andExpect(flash().attribute("message", "Renamed slot-1 to 'Alice'."));
		verify(this.catalog).renameDisplay(7L, 3L, "Alice");
		this.mvc.perform(post("/apps/7/slots/3/display-name").with(csrf()).param("displayName", "  "))
			.andExpect(flash().attribute("errorMessage", containsString("1 to 100 characters")));
	}

	@Test
	void rejectsABlankDisplayNameAndAnOutOfRangeBitrate() throws Exception {
		this.mvc
			.perform(post("/apps/7/slots/new").with(csrf())
				.param("name", "slot-1")
				.param("displayName", "  ")
				.param("bitrateKbps", "90000"))
			.andExpect(status().isOk())
			.andExpect(view().name(SlotController.VIEW_SLOT_FORM))
			.andExpect(model().attributeHasFieldErrors("slotForm", "displayName", "bitrateKbps"))
			.andExpect(content().string(containsString("Use at most 50000 kbit/s")));
		verify(this.catalog, never()).createSlot(anyLong(), any());
	}

	@Test
	void explainsABitrateThatIsNotANumber() throws Exception {
		this.mvc
			.perform(post("/apps/7/slots/new").with(csrf())
				.param("name", "slot-1")
				.param("displayName", "Racer 1")
				.param("bitrateKbps", "fast"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("slotForm", "bitrateKbps", "typeMismatch"))
			.andExpect(content().string(containsString("Enter a whole number of kbit/s")))
			.andExpect(content().string(not(containsString("java.lang"))));
	}

	@Test
	void rejectsAnInvalidSlotName() throws Exception {
		this.mvc
			.perform(post("/apps/7/slots/new").with(csrf())
				.param("name", "Slot 1")
				.param("displayName", "Racer 1")
				.param("bitrateKbps", "2500"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("slotForm", "name"));
		verify(this.catalog, never()).createSlot(anyLong(), any());
	}

	@Test
	void rejectsADuplicateSlotName() throws Exception {
		given(this.catalog.createSlot(anyLong(), any()))
			.willThrow(new DuplicateNameException("App 'show' already has a slot named 'slot-1'."));
		this.mvc
			.perform(post("/apps/7/slots/new").with(csrf())
				.param("name", "slot-1")
				.param("displayName", "Racer 1")
				.param("bitrateKbps", "2500"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("slotForm", "name", "duplicate"));
	}

	@Test
	void showsObsValuesWithTheSecretMaskedUntilRevealed() throws Exception {
		this.mvc.perform(get("/apps/7/slots/3"))
			.andExpect(status().isOk())
			.andExpect(view().name(SlotController.VIEW_SLOT_DETAILS))
			.andExpect(content().string(containsString("rtmp://live.example.org:1935/show")))
			.andExpect(content().string(containsString("slot-1?key=••••1a2b")))
			.andExpect(content().string(containsString(
					"data-value=\"https://live.example.org/ome/show/slot-1?direction=whip&amp;key=" + SECRET + "\"")))
			.andExpect(content().string(containsString("bframes=0")))
			.andExpect(content().string(containsString("B-frames must be off")))
			.andExpect(content().string(containsString("href=\"/tools/latency/show/slot-1\"")));
	}

	@Test
	void rotatesTheSecret() throws Exception {
		given(this.catalog.rotateSecret(7L, 3L)).willReturn(slotOne());
		this.mvc.perform(post("/apps/7/slots/3/rotate").with(csrf()))
			.andExpect(redirectedUrl("/apps/7/slots/3"))
			.andExpect(flash().attribute("message", containsString("New secret")));
		verify(this.catalog).rotateSecret(7L, 3L);
	}

	@Test
	void refusesToRotateWithoutCsrfToken() throws Exception {
		this.mvc.perform(post("/apps/7/slots/3/rotate")).andExpect(status().isForbidden());
		verify(this.catalog, never()).rotateSecret(anyLong(), anyLong());
	}

	@Test
	void disablesASlot() throws Exception {
		given(this.catalog.setSlotEnabled(7L, 3L, false)).willReturn(slotOne());
		this.mvc.perform(post("/apps/7/slots/3/enabled").with(csrf()).param("enabled", "false"))
			.andExpect(redirectedUrl("/apps/7/slots/3"))
			.andExpect(flash().attribute("message", containsString("Disabled")));
		verify(this.catalog).setSlotEnabled(7L, 3L, false);
	}

	@Test
	void editsASlot() throws Exception {
		this.mvc
			.perform(post("/apps/7/slots/3/edit").with(csrf())
				.param("name", "slot-2")
				.param("displayName", "Racer 2")
				.param("bitrateKbps", "4000"))
			.andExpect(redirectedUrl("/apps/7/slots/3"));
		verify(this.catalog).updateSlot(7L, 3L, new SlotDraft("slot-2", "Racer 2", 4000, false));
	}

	@Test
	void cutsOffTheLivePublisher() throws Exception {
		given(this.control.kick("show", "slot-1")).willReturn(OmeApiClient.KickResult.KICKED);
		this.mvc.perform(post("/apps/7/slots/3/kick").with(csrf()))
			.andExpect(redirectedUrl("/apps/7/slots/3"))
			.andExpect(flash().attribute("message", containsString("Cut off the publisher")));
	}

	@Test
	void explainsAKickThatCouldNotReachOme() throws Exception {
		given(this.control.kick("show", "slot-1")).willReturn(OmeApiClient.KickResult.FAILED);
		this.mvc.perform(post("/apps/7/slots/3/kick").with(csrf()))
			.andExpect(flash().attribute("errorMessage", containsString("GREENROOM_OME_API_URL")));
	}

	@Test
	void deletesASlot() throws Exception {
		this.mvc.perform(post("/apps/7/slots/3/delete").with(csrf())).andExpect(redirectedUrl("/apps/7"));
		verify(this.catalog).deleteSlot(7L, 3L);
	}

	@Test
	void answersAnEnabledValueThatIsNotOnOrOffWithTheErrorPage() throws Exception {
		this.mvc
			.perform(post("/apps/7/slots/3/enabled").with(csrf()).param("enabled", "xyz").accept(MediaType.TEXT_HTML))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("error"))
			.andExpect(content().string(containsString("That request was not understood")))
			.andExpect(content().string(containsString("Back to the apps")));
		verify(this.catalog, never()).setSlotEnabled(anyLong(), anyLong(), anyBoolean());
	}

	@Test
	void showsNoLocalHostNoticeWhenThePublicHostIsPublic() throws Exception {
		given(this.catalog.findSlot(7L, 3L)).willReturn(Optional.of(slotOne()));
		this.mvc.perform(get("/apps/7/slots/3"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("localHost", nullValue()))
			.andExpect(content().string(not(containsString("local-host-notice"))));
	}

	@Test
	void answers404ForASlotOfAnotherApp() throws Exception {
		given(this.catalog.findSlot(8L, 3L)).willReturn(Optional.empty());
		this.mvc.perform(get("/apps/8/slots/3")).andExpect(status().isNotFound()).andExpect(view().name("error"));
	}

	private static App show() {
		App app = new App("show", Instant.parse("2026-11-01T10:00:00Z"));
		ReflectionTestUtils.setField(app, "id", 7L);
		return app;
	}

	private static Slot slotOne() {
		Slot slot = new Slot(show(), "slot-1", "Racer 1", 3000, new PublishSecret(SECRET),
				Instant.parse("2026-11-01T10:00:00Z"));
		ReflectionTestUtils.setField(slot, "id", 3L);
		return slot;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Endpoints {

		@Bean
		PublishEndpoints publishEndpoints() {
			return new PublishEndpoints(
					new PublicProperties("live.example.org", true, 443, "/ome", 3333, 1935, List.of()));
		}

	}

}
