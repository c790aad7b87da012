package io.greenroom.web.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.greenroom.admission.LivePublishers;
import io.greenroom.admission.SessionHistory;
import io.greenroom.admission.ViewerTokens;
import io.greenroom.call.ParticipantLinks;
import io.greenroom.config.PasswordConfiguration;
import io.greenroom.config.SecurityConfiguration;
import io.greenroom.layout.Layout;
import io.greenroom.layout.Layouts;
import io.greenroom.ome.OmeConfiguration;
import io.greenroom.publish.PublicProperties;
import io.greenroom.publish.PublishEndpoints;
import io.greenroom.stream.AccessPolicy;
import io.greenroom.stream.App;
import io.greenroom.stream.AppSettings;
import io.greenroom.stream.AppSummary;
import io.greenroom.stream.DuplicateNameException;
import io.greenroom.stream.DuplicatePublisher;
import io.greenroom.stream.Names;
import io.greenroom.stream.PublishSecret;
import io.greenroom.stream.Slot;
import io.greenroom.stream.StreamCatalog;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(AppController.class)
@Import({ SecurityConfiguration.class, PasswordConfiguration.class, AppControllerTests.Wiring.class })
@WithMockUser
class AppControllerTests {

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
	private StreamCatalog catalog;

	@MockitoBean
	private Layouts layouts;

	@MockitoBean
	private ParticipantLinks participantLinks;

	@Test
	void listsAppsWithTheirSlotCounts() throws Exception {
		given(this.catalog.listApps()).willReturn(List.of(new AppSummary(1L, "show", 4)));
		this.mvc.perform(get("/apps"))
			.andExpect(status().isOk())
			.andExpect(view().name(AppController.VIEW_APP_LIST))
			.andExpect(content().string(containsString("show")));
	}

	@Test
	void createsAppAndRedirectsToIt() throws Exception {
		given(this.catalog.createApp("show", AppSettings.defaults())).willReturn(show());
		this.mvc.perform(post("/apps/new").with(csrf()).param("name", "show"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/apps/7"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Show", "my show", "a/b", "<script>", "show_1" })
	void rejectsNamesOmeWouldMishandleWithTheRuleOnce(String name) throws Exception {
		this.mvc.perform(post("/apps/new").with(csrf()).param("name", name))
			.andExpect(status().isOk())
			.andExpect(view().name(AppController.VIEW_APP_FORM))
			.andExpect(model().attributeHasFieldErrors("appForm", "name"))
			.andExpect(content().string(containsStringOnce(Names.RULE)));
		verify(this.catalog, never()).createApp(any(), any());
	}

	@Test
	void asksForANameOnceWhenItIsEmpty() throws Exception {
		this.mvc.perform(post("/apps/new").with(csrf()).param("name", ""))
			.andExpect(status().isOk())
			.andExpect(view().name(AppController.VIEW_APP_FORM))
			.andExpect(content().string(containsStringOnce("Type a name:")))
			.andExpect(content().string(not(containsString(Names.RULE))));
		verify(this.catalog, never()).createApp(any(), any());
	}

	@Test
	void saysANameIsTooLongInsteadOfCuttingIt() throws Exception {
		String name = "a".repeat(70);
		this.mvc.perform(post("/apps/new").with(csrf()).param("name", name))
			.andExpect(status().isOk())
			.andExpect(content().string(containsStringOnce("That name has 70 characters; use at most 64.")))
			.andExpect(content().string(containsString("value=\"" + name + "\"")))
			.andExpect(content().string(not(containsString("maxlength"))));
		verify(this.catalog, never()).createApp(any(), any());
	}

	@Test
	void explainsAnOnOffSettingThatIsNeither() throws Exception {
		this.mvc.perform(post("/apps/new").with(csrf()).param("name", "show").param("llhls", "maybe"))
			.andExpect(status().isOk())
			.andExpect(view().name(AppController.VIEW_APP_FORM))
			.andExpect(model().attributeHasFieldErrorCode("appForm", "llhls", "typeMismatch"))
			.andExpect(content().string(containsString("LLHLS is on or off: tick the box or leave it empty")));
		verify(this.catalog, never()).createApp(any(), any());
	}

	@Test
	void answersAMalformedAppIdWithTheErrorPageForABrowser() throws Exception {
		this.mvc.perform(get("/apps/abc").accept(MediaType.TEXT_HTML))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("error"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("That request was not understood")))
			.andExpect(content().string(containsString("Back to the apps")));
	}

	@Test
	void answersAMalformedAppIdWithAProblemDetailForAJsonClient() throws Exception {
		this.mvc.perform(get("/apps/abc").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.instance").value("/apps/abc"));
	}

	@Test
	void answersAnUnknownPageWithTheErrorPage() throws Exception {
		this.mvc.perform(get("/no-such-page").accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Not found")))
			.andExpect(content().string(containsString("Back to the apps")));
		this.mvc.perform(get("/apps/99").accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error"));
	}

	@Test
	void answersAWrongMethodWithTheErrorPageAndTheAllowedOnes() throws Exception {
		this.mvc.perform(post("/apps").with(csrf()).accept(MediaType.TEXT_HTML))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string("Allow", containsString("GET")))
			.andExpect(content().string(containsString("That action is not available here")));
	}

	@Test
	void formatsTheViewerLinkExpiryLikeOtherTimes() throws Exception {
		given(this.catalog.findApp(7L)).willReturn(Optional.of(show()));
		given(this.viewerTokens.issue(any(), any(), any())).willReturn("token");
		this.mvc.perform(post("/apps/7/share").with(csrf()).param("slot", "*").param("hours", "3"))
			.andExpect(flash().attribute("shareExpiry", "2026-11-25 21:00 UTC"))
			.andExpect(flash().attribute("message", "Viewer link created. It works until 2026-11-25 21:00 UTC."));
	}

	private static Matcher<String> containsStringOnce(String text) {
		return new TypeSafeMatcher<>() {

			@Override
			protected boolean matchesSafely(String body) {
				int first = body.indexOf(text);
				return first >= 0 && body.indexOf(text, first + 1) < 0;
			}

			@Override
			public void describeTo(Description description) {
				description.appendText("a string containing exactly once ").appendValue(text);
			}

		};
	}

	@Test
	void rejectsDuplicateNameAsAFormError() throws Exception {
		given(this.catalog.createApp(any(), any()))
			.willThrow(new DuplicateNameException("An app named 'show' already exists."));
		this.mvc.perform(post("/apps/new").with(csrf()).param("name", "show"))
			.andExpect(status().isOk())
			.andExpect(view().name(AppController.VIEW_APP_FORM))
			.andExpect(model().attributeHasFieldErrorCode("appForm", "name", "duplicate"))
			.andExpect(content().string(containsString("already exists")));
	}

	@Test
	void refusesAFormWithoutCsrfToken() throws Exception {
		this.mvc.perform(post("/apps/new").param("name", "show")).andExpect(status().isForbidden());
		verify(this.catalog, never()).createApp(any(), any());
	}

	@Test
	@WithAnonymousUser
	void sendsAnonymousVisitorsToTheLoginPage() throws Exception {
		this.mvc.perform(get("/apps")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		verify(this.catalog, never()).listApps();
	}

	@Test
	void asksForConfirmationBeforeDeletingAnAppWithSlots() throws Exception {
		given(this.catalog.findApp(7L)).willReturn(Optional.of(show()));
		given(this.catalog.listSlots(7L)).willReturn(List.of(slotOne()));
		this.mvc.perform(post("/apps/7/delete").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name(AppController.VIEW_APP_DELETE));
		verify(this.catalog, never()).deleteApp(anyLong());
	}

	@Test
	void deletesAnAppWithSlotsOnceConfirmed() throws Exception {
		given(this.catalog.findApp(7L)).willReturn(Optional.of(show()));
		given(this.catalog.listSlots(7L)).willReturn(List.of(slotOne()));
		this.mvc.perform(post("/apps/7/delete").with(csrf()).param("confirmed", "true"))
			.andExpect(redirectedUrl("/apps"));
		verify(this.catalog).deleteApp(7L);
	}

	@Test
	void deletesAnEmptyAppWithoutAsking() throws Exception {
		given(this.catalog.findApp(7L)).willReturn(Optional.of(show()));
		given(this.catalog.listSlots(7L)).willReturn(List.of());
		this.mvc.perform(post("/apps/7/delete").with(csrf())).andExpect(redirectedUrl("/apps"));
		verify(this.catalog).deleteApp(7L);
	}

	@Test
	void renamesAnApp() throws Exception {
		given(this.catalog.findApp(7L)).willReturn(Optional.of(show()));
		this.mvc.perform(post("/apps/7/edit").with(csrf()).param("name", "finals")).andExpect(redirectedUrl("/apps/7"));
		verify(this.catalog).updateApp(7L, "finals", AppSettings.defaults());
	}

	@Test
	void savesOmeSettingsWithTheApp() throws Exception {
		given(this.catalog.findApp(7L)).willReturn(Optional.of(show()));
		this.mvc
			.perform(post("/apps/7/edit").with(csrf())
				.param("name", "show")
				.param("llhls", "true")
				.param("jitterBuffer", "true")
				.param("playoutDelayMinMs", "20")
				.param("playoutDelayMaxMs", "100"))
			.andExpect(redirectedUrl("/apps/7"));
		verify(this.catalog).updateApp(7L, "show", new AppSettings(true, false, false, true, 20, 100));
	}

	@Test
	void rejectsHalfAPlayoutDelay() throws Exception {
		given(this.catalog.findApp(7L)).willReturn(Optional.of(show()));
		this.mvc.perform(post("/apps/7/edit").with(csrf()).param("name", "show").param("playoutDelayMinMs", "20"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("appForm", "playoutDelayMaxMs", "playoutDelay"))
			.andExpect(content().string(containsString("Fill in both")));
		verify(this.catalog, never()).updateApp(anyLong(), any(), any());
	}

	@Test
	void showsTheParticipantLinkMaskedWithCopyAndReplace() throws Exception {
		given(this.catalog.findApp(7L)).willReturn(Optional.of(show()));
		given(this.participantLinks.path(any())).willReturn("/call/show?join=7.abcdefgh1a2b");
		this.mvc.perform(get("/apps/7"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("participantLink", "http://localhost/call/show?join=7.abcdefgh1a2b"))
			.andExpect(content().string(containsString(">http://localhost/call/show?join=7.••••1a2b</code>")))
			.andExpect(content().string(containsString("id=\"copy-participant-link\"")))
			.andExpect(content().string(containsString("/apps/7/participant-link/rotate")));
	}

	@Test
	void answers404ForAnUnknownApp() throws Exception {
		given(this.catalog.findApp(99L)).willReturn(Optional.empty());
		this.mvc.perform(get("/apps/99"))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error"))
			.andExpect(content().string(containsString("does not exist")));
	}

	@Test
	void makesAnAppPrivate() throws Exception {
		given(this.catalog.findApp(7L)).willReturn(Optional.of(show()));
		this.mvc
			.perform(
					post("/apps/7/access").with(csrf()).param("privateViewing", "true").param("onDuplicate", "REPLACE"))
			.andExpect(redirectedUrl("/apps/7"));
		verify(this.catalog).updateAccessPolicy(7L, new AccessPolicy(true, DuplicatePublisher.REPLACE));
	}

	@Test
	void createsAViewerLinkForOneSlot() throws Exception {
		given(this.catalog.findApp(7L)).willReturn(Optional.of(show()));
		given(this.catalog.listSlots(7L)).willReturn(List.of(slotOne()));
		given(this.viewerTokens.issue(any(), any(), any())).willReturn("v1.show.slot-1.1.sig");
		this.mvc.perform(post("/apps/7/share").with(csrf()).param("slot", "slot-1").param("hours", "24"))
			.andExpect(redirectedUrl("/apps/7"))
			.andExpect(flash().attribute("shareLinks",
					List.of(new ShareLink("Player page",
							"http://localhost/watch/show/slot-1?token=v1.show.slot-1.1.sig"),
							new ShareLink("Signalling URL for another player",
									"wss://live.example.org/ome/show/slot-1?token=v1.show.slot-1.1.sig"))));
		verify(this.viewerTokens).issue("show", "slot-1", Instant.parse("2026-11-26T18:00:00Z"));
	}

	@Test
	void createsViewerLinksForTheCallGridAndEveryLayoutForAllSlots() throws Exception {
		given(this.catalog.findApp(7L)).willReturn(Optional.of(show()));
		given(this.catalog.listSlots(7L)).willReturn(List.of(slotOne()));
		Layout main = mock(Layout.class);
		given(main.getName()).willReturn("main");
		given(this.layouts.list(7L)).willReturn(List.of(main));
		given(this.viewerTokens.issue(any(), any(), any())).willReturn("v1.show.*.1.sig");
		given(this.participantLinks.path(any())).willReturn("/call/show?join=7.mac");
		this.mvc.perform(post("/apps/7/share").with(csrf()).param("slot", "*").param("hours", "2"))
			.andExpect(redirectedUrl("/apps/7"))
			.andExpect(flash().attribute("shareLinks",
					List.of(new ShareLink("Call grid", "http://localhost/call/show?token=v1.show.*.1.sig"),
							new ShareLink("Call grid with Join, for participants only",
									"http://localhost/call/show?join=7.mac&token=v1.show.*.1.sig"),
							new ShareLink("Layout main (OBS Browser source)",
									"http://localhost/layout/show/main?token=v1.show.*.1.sig"),
							new ShareLink("Signalling URL for another player (put the slot name for SLOT)",
									"wss://live.example.org/ome/show/SLOT?token=v1.show.*.1.sig"))));
		verify(this.viewerTokens).issue("show", "*", Instant.parse("2026-11-25T20:00:00Z"));
	}

	@Test
	void refusesAViewerLinkForAnUnknownSlotOrTooLong() throws Exception {
		given(this.catalog.findApp(7L)).willReturn(Optional.of(show()));
		given(this.catalog.listSlots(7L)).willReturn(List.of(slotOne()));
		this.mvc.perform(post("/apps/7/share").with(csrf()).param("slot", "slot-9").param("hours", "10000"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("shareForm", "slot", "hours"));
		verify(this.viewerTokens, never()).issue(any(), any(), any());
	}

	private static App show() {
		App app = new App("show", Instant.parse("2026-11-01T10:00:00Z"));
		ReflectionTestUtils.setField(app, "id", 7L);
		return app;
	}

	private static Slot slotOne() {
		return new Slot(show(), "slot-1", "Racer 1", 2500, PublishSecret.generate(), Instant.now());
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
			return Clock.fixed(Instant.parse("2026-11-25T18:00:00Z"), ZoneOffset.UTC);
		}

	}

}
