package io.greenroom.call;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.greenroom.admission.LivePublishers;
import io.greenroom.config.PasswordConfiguration;
import io.greenroom.config.SecurityConfiguration;
import io.greenroom.ome.OmeConfiguration;
import io.greenroom.stream.App;
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
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Replacing the participant link is the logged-in producer's, with a CSRF token. */
@WebMvcTest(CallAdminController.class)
@Import({ SecurityConfiguration.class, PasswordConfiguration.class, CallAdminControllerTests.Wiring.class })
class CallAdminControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private OmeConfiguration omeConfiguration;

	@MockitoBean
	private LivePublishers live;

	@MockitoBean
	private StreamCatalog catalog;

	@Test
	@WithMockUser
	void replacesTheParticipantLink() throws Exception {
		App call = mock(App.class);
		given(call.getName()).willReturn("call");
		given(this.catalog.rotateParticipantLink(7L)).willReturn(call);
		this.mvc.perform(post("/apps/7/participant-link/rotate").with(csrf()))
			.andExpect(redirectedUrl("/apps/7#call-join"))
			.andExpect(flash().attribute("message", startsWith("New participant link for call.")));
		verify(this.catalog).rotateParticipantLink(7L);
	}

	@Test
	@WithMockUser
	void refusesWithoutCsrfToken() throws Exception {
		this.mvc.perform(post("/apps/7/participant-link/rotate")).andExpect(status().isForbidden());
		verify(this.catalog, never()).rotateParticipantLink(anyLong());
	}

	@Test
	@WithAnonymousUser
	void sendsAnonymousVisitorsToTheLoginPage() throws Exception {
		this.mvc.perform(post("/apps/7/participant-link/rotate").with(csrf())).andExpect(redirectedUrl("/login"));
		verify(this.catalog, never()).rotateParticipantLink(anyLong());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Wiring {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
		}

	}

}
