package io.greenroom.web.admin;

import io.greenroom.admission.LivePublishers;
import io.greenroom.check.AdvertisedCheck;
import io.greenroom.check.PublicHost;
import java.net.InetAddress;
import java.util.Set;
import io.greenroom.config.PasswordConfiguration;
import io.greenroom.config.SecurityConfiguration;
import java.nio.file.Path;
import java.time.Instant;

import io.greenroom.ome.ApplyResult;
import io.greenroom.ome.OmeConfigStatus;
import io.greenroom.ome.OmeConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(ServerConfigController.class)
@Import({ SecurityConfiguration.class, PasswordConfiguration.class, AdvertisedCheck.class,
		ServerConfigControllerTests.Wiring.class })
@WithMockUser
class ServerConfigControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private OmeConfiguration configuration;

	@MockitoBean
	private LivePublishers live;

	@MockitoBean
	private PublicHost publicHost;

	/** OME 0.19's WHIP answer, abridged to what carries addresses. */
	private static final String ANSWER = """
			v=0
			o=OvenMediaEngine 2059373399 2 IN IP4 127.0.0.1
			m=video 9 UDP/TLS/RTP/SAVPF 108
			c=IN IP4 0.0.0.0
			a=candidate:2981540673 1 UDP 50 ADDRESS 10001 typ host
			a=end-of-candidates
			""";

	private static final String LINK = "<turn:ADDRESS:3478?transport=tcp>; rel=\"ice-server\"; username=\"ome\"";

	@Test
	void warnsWhenOmeAdvertisesAPrivateAddress() throws Exception {
		givenPublicHost();
		this.mvc
			.perform(post("/server-config/advertised").with(csrf())
				.param("answer", ANSWER.replace("ADDRESS", "203.0.113.10"))
				.param("link", LINK.replace("ADDRESS", "172.18.0.3")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"advertised-warning\"")))
			.andExpect(content().string(containsString("172.18.0.3:3478")))
			.andExpect(content().string(containsString("private address")));
	}

	@Test
	void warnsWhenOmeAdvertisesLoopback() throws Exception {
		givenPublicHost();
		this.mvc
			.perform(post("/server-config/advertised").with(csrf())
				.param("answer", ANSWER.replace("ADDRESS", "127.0.0.1"))
				.param("link", LINK.replace("ADDRESS", "127.0.0.1")))
			.andExpect(content().string(containsString("id=\"advertised-warning\"")))
			.andExpect(content().string(containsString("loopback address")));
	}

	@Test
	void saysAllIsWellWhenEveryAddressIsThePublicOne() throws Exception {
		givenPublicHost();
		this.mvc
			.perform(post("/server-config/advertised").with(csrf())
				.param("answer", ANSWER.replace("ADDRESS", "203.0.113.10"))
				.param("link", LINK.replace("ADDRESS", "203.0.113.10")))
			.andExpect(content().string(containsString("id=\"advertised-ok\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"advertised-warning\""))))
			.andExpect(content().string(containsString("203.0.113.10:10001")));
	}

	@Test
	void showsWhyTheBrowserGotNoAnswer() throws Exception {
		givenPublicHost();
		this.mvc
			.perform(post("/server-config/advertised").with(csrf())
				.param("failure", "The check could not get an answer from OME: Failed to fetch"))
			.andExpect(content().string(containsString("could not get an answer from OME")));
	}

	@Test
	void theCheckNeedsTheCsrfToken() throws Exception {
		this.mvc.perform(post("/server-config/advertised").param("answer", ANSWER)).andExpect(status().isForbidden());
	}

	private void givenPublicHost() throws Exception {
		given(this.publicHost.name()).willReturn("live.example.org");
		given(this.publicHost.addresses())
			.willReturn(Set.of(InetAddress.getByAddress(new byte[] { (byte) 203, 0, 113, 10 })));
		given(this.configuration.status()).willReturn(new OmeConfigStatus(Path.of("/data/ome-conf/Server.xml"),
				Instant.parse("2026-11-25T18:00:00Z"), null, false, "runs the command: true", true));
	}

	@Test
	void showsTheFileWithSecretsMasked() throws Exception {
		given(this.configuration.generateMasked()).willReturn("<AccessToken>••••••••</AccessToken>");
		given(this.configuration.status()).willReturn(new OmeConfigStatus(Path.of("/data/ome-conf/Server.xml"),
				Instant.parse("2026-11-25T18:00:00Z"), null, true, "runs the command: true", true));
		this.mvc.perform(get("/server-config"))
			.andExpect(view().name(ServerConfigController.VIEW_SERVER_CONFIG))
			.andExpect(content().string(containsString("&lt;AccessToken&gt;••••••••&lt;/AccessToken&gt;")))
			.andExpect(content().string(containsString("OME must restart to pick up app changes")));
	}

	@Test
	void offersAnEdgeFileForAHostName() throws Exception {
		given(this.configuration.generateEdge("edge1.example.org")).willReturn("<Server/>");
		this.mvc.perform(get("/server-config/Edge.xml").param("host", "edge1.example.org"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(content().string("<Server/>"));
	}

	@Test
	void explainsAnEdgeHostThatIsNotAHostNameUnderTheFieldAndKeepsIt() throws Exception {
		given(this.configuration.status()).willReturn(withoutHook(false));
		this.mvc.perform(get("/server-config/Edge.xml").param("host", "edge one/<x>"))
			.andExpect(status().isOk())
			.andExpect(view().name(ServerConfigController.VIEW_SERVER_CONFIG))
			.andExpect(model().attribute("edgeHostError", containsString("That is not a host name")))
			.andExpect(content().string(containsString("id=\"edge-host-error\"")))
			.andExpect(content().string(containsString("value=\"edge one/&lt;x&gt;\"")));
		verify(this.configuration, never()).generateEdge(any());
	}

	@Test
	void offersNoApplyButtonWithoutARestartHookAndSaysHowToRestartByHand() throws Exception {
		given(this.configuration.generateMasked()).willReturn("<Server/>");
		given(this.configuration.status()).willReturn(withoutHook(true));
		this.mvc.perform(get("/server-config"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"apply\""))))
			.andExpect(content().string(containsString("docker compose restart ome")))
			.andExpect(content().string(containsString("systemctl restart ovenmediaengine")))
			.andExpect(content().string(containsString("id=\"restarted-by-hand\"")));
	}

	@Test
	void offersApplyWhenARestartHookIsConfigured() throws Exception {
		given(this.configuration.generateMasked()).willReturn("<Server/>");
		given(this.configuration.status()).willReturn(new OmeConfigStatus(Path.of("/data/ome-conf/Server.xml"),
				Instant.parse("2026-11-25T18:00:00Z"), null, true, "runs the command: true", true));
		this.mvc.perform(get("/server-config"))
			.andExpect(content().string(containsString("id=\"apply\"")))
			.andExpect(content().string(not(containsString("id=\"restarted-by-hand\""))));
	}

	@Test
	void recordsARestartDoneByHand() throws Exception {
		given(this.configuration.confirmRestartedByHand()).willReturn(new ApplyResult(true, "Noted."));
		this.mvc.perform(post("/server-config/restarted").with(csrf()))
			.andExpect(redirectedUrl("/server-config"))
			.andExpect(flash().attribute("message", "Noted."));
		verify(this.configuration).confirmRestartedByHand();
	}

	@Test
	void doesNotTryToApplyWithoutARestartHook() throws Exception {
		given(this.configuration.status()).willReturn(withoutHook(true));
		this.mvc.perform(post("/server-config/apply").with(csrf()))
			.andExpect(redirectedUrl("/server-config"))
			.andExpect(flash().attribute("errorMessage", containsString("Restart OME by hand")));
		verify(this.configuration, never()).apply();
	}

	private static OmeConfigStatus withoutHook(boolean restartNeeded) {
		return new OmeConfigStatus(Path.of("/data/ome-conf/Server.xml"), Instant.parse("2026-11-25T18:00:00Z"), null,
				restartNeeded, "not configured", false);
	}

	@Test
	void reportsAFailedApply() throws Exception {
		given(this.configuration.status()).willReturn(new OmeConfigStatus(Path.of("/data/ome-conf/Server.xml"),
				Instant.parse("2026-11-25T18:00:00Z"), null, true, "runs the command: false", true));
		given(this.configuration.apply()).willReturn(new ApplyResult(false, "No restart hook is configured."));
		this.mvc.perform(post("/server-config/apply").with(csrf()))
			.andExpect(redirectedUrl("/server-config"))
			.andExpect(flash().attribute("errorMessage", "No restart hook is configured."));
	}

	@org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
	static class Wiring {

		@org.springframework.context.annotation.Bean
		java.time.Clock clock() {
			return java.time.Clock.systemUTC();
		}

	}

}
