package io.greenroom.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.greenroom.admission.LivePublishers;
import io.greenroom.config.PasswordConfiguration;
import io.greenroom.config.SecurityConfiguration;
import io.greenroom.ome.OmeConfiguration;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.Test;

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
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(NotificationController.class)
@Import({ SecurityConfiguration.class, PasswordConfiguration.class, NotificationControllerTests.FixedClock.class })
@WithMockUser
class NotificationControllerTests {

	private static final String TOKEN = "aBcD_eFgH-iJkLmNoPqRsTuVwXyZ0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH";

	private static final String URL = "https://discord.com/api/webhooks/123456789012345678/" + TOKEN;

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private NotificationTargets targets;

	@MockitoBean
	private Notifier notifier;

	@MockitoBean
	private WebhookClient client;

	@MockitoBean
	private StreamCatalog catalog;

	@MockitoBean
	private NotifyProperties properties;

	@MockitoBean
	private OmeConfiguration configuration;

	@MockitoBean
	private LivePublishers live;

	@Test
	void saysExactlyWhatIsWrongWithADiscordUrl() throws Exception {
		this.mvc
			.perform(post("/notifications/new").with(csrf())
				.param("name", "racers")
				.param("kind", "DISCORD")
				.param("url", "https://discord.com/api/webhooks/12345/" + TOKEN)
				.param("_onLive", "on")
				.param("_onOffline", "on")
				.param("_onWrongKey", "on")
				.param("_includeViewerLink", "on")
				.param("_allowMentions", "on"))
			.andExpect(status().isOk())
			.andExpect(view().name(NotificationController.VIEW_TARGET_FORM))
			.andExpect(model().attributeHasFieldErrorCode("targetForm", "url", "invalid"))
			.andExpect(content().string(containsString(
					"The webhook ID after /api/webhooks/ must be 17 to 20 digits; &quot;12345&quot; is not.")));
		then(this.targets).should(never()).create(any());
	}

	@Test
	void addsAValidTargetAndTellsTheSender() throws Exception {
		NotificationTarget saved = target();
		given(this.targets.create(any())).willReturn(saved);
		this.mvc
			.perform(post("/notifications/new").with(csrf())
				.param("name", "racers")
				.param("kind", "DISCORD")
				.param("url", URL)
				.param("onLive", "true")
				.param("_onLive", "on")
				.param("_onOffline", "on")
				.param("_onWrongKey", "on")
				.param("onOmeDown", "true")
				.param("_onOmeDown", "on")
				.param("_includeViewerLink", "on")
				.param("_allowMentions", "on"))
			.andExpect(redirectedUrl("/notifications"))
			.andExpect(flash().attribute("message", "Added target 'racers'. Send a test to check it."));
		then(this.targets).should()
			.create(new TargetSettings("racers", TargetKind.DISCORD, URL, null, true, false, false, true, false, false,
					null));
		then(this.notifier).should().targetsChanged();
	}

	@Test
	void listsTargetsWithTheUrlMaskedAndTheDroppedCount() throws Exception {
		given(this.targets.list()).willReturn(List.of(target()));
		given(this.notifier.dropped()).willReturn(3L);
		this.mvc.perform(get("/notifications"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">https://discord.com/••••EFGH<")))
			.andExpect(content().string(not(containsString(">" + URL + "<"))))
			.andExpect(content().string(containsString("3 dropped since the start because the queue was full.")));
	}

	@Test
	void aFailedTestShowsDiscordsError() throws Exception {
		given(this.targets.find(7L)).willReturn(java.util.Optional.of(target()));
		given(this.notifier.render(any(), any())).willReturn("{}");
		given(this.client.post(any(), any())).willReturn(new Outcome(Outcome.Result.FAILED, "HTTP 400",
				"{\"embeds\": [\"0\"], \"message\": \"Invalid Form Body\", \"code\": 50035}", null));
		this.mvc.perform(post("/notifications/7/test").with(csrf()))
			.andExpect(redirectedUrl("/notifications"))
			.andExpect(flash().attribute("errorMessage", "Test to 'racers' failed: HTTP 400: {\"embeds\": [\"0\"],"
					+ " \"message\": \"Invalid Form Body\", \"code\": 50035}"));
	}

	@Test
	void anUnknownTargetIsNotFound() throws Exception {
		given(this.targets.find(99L)).willReturn(java.util.Optional.empty());
		this.mvc.perform(get("/notifications/99/edit")).andExpect(status().isNotFound());
	}

	private static NotificationTarget target() {
		NotificationTarget target = new NotificationTarget(TargetKind.DISCORD, URL, null,
				Instant.parse("2026-12-01T20:00:00Z"));
		target.update(new TargetSettings("racers", TargetKind.DISCORD, URL, null, true, true, false, false, false,
				false, null));
		ReflectionTestUtils.setField(target, "id", 7L);
		return target;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-12-01T20:00:00Z"), ZoneOffset.UTC);
		}

	}

}
