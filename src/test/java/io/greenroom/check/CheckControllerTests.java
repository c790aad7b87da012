package io.greenroom.check;

import java.net.InetAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import io.greenroom.admission.LivePublishers;
import io.greenroom.config.PasswordConfiguration;
import io.greenroom.config.SecurityConfiguration;
import io.greenroom.ome.OmeConfiguration;
import io.greenroom.publish.PublicProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(CheckController.class)
@Import({ SecurityConfiguration.class, PasswordConfiguration.class, AdvertisedCheck.class,
		CheckControllerTests.Wiring.class })
class CheckControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private CheckSlot slot;

	@MockitoBean
	private PublicHost publicHost;

	@MockitoBean
	private OmeConfiguration omeConfiguration;

	@MockitoBean
	private LivePublishers live;

	@Test
	@WithMockUser
	void showsTheCheckPage() throws Exception {
		given(this.publicHost.name()).willReturn("live.example.org");
		this.mvc.perform(get("/check"))
			.andExpect(view().name(CheckController.VIEW_CHECK))
			.andExpect(content().string(containsString("id=\"check-start\"")))
			.andExpect(content().string(containsString("live.example.org")));
	}

	@Test
	void theCheckNeedsTheAdminLogin() throws Exception {
		this.mvc.perform(get("/check")).andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/check/session").with(csrf())).andExpect(status().is3xxRedirection());
	}

	@Test
	@WithMockUser
	void handsThisBrowserTheCheckSlotsUrls() throws Exception {
		given(this.slot.ensure()).willReturn(Optional.of(new CheckSlot.Urls("show", CheckSlot.NAME,
				"https://live.example.org/ome/show/greenroom-check?direction=whip&key=s3cret",
				"wss://live.example.org/ome/show/greenroom-check")));
		this.mvc.perform(post("/check/session").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.whipUrl").value(containsString("direction=whip")))
			.andExpect(jsonPath("$.playUrl").value("wss://live.example.org/ome/show/greenroom-check"));
	}

	@Test
	@WithMockUser
	void saysToCreateAnAppFirstWhenThereIsNone() throws Exception {
		given(this.slot.ensure()).willReturn(Optional.empty());
		this.mvc.perform(post("/check/session").with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("Create an app first")));
	}

	@Test
	@WithMockUser
	void judgesTheAnswerThisBrowserReceived() throws Exception {
		given(this.publicHost.name()).willReturn("live.example.org");
		given(this.publicHost.addresses())
			.willReturn(Set.of(InetAddress.getByAddress(new byte[] { (byte) 203, 0, 113, 10 })));
		this.mvc.perform(post("/check/advertised").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
				{"answer": "a=candidate:1 1 UDP 50 203.0.113.10 10001 typ host\\r\\n",
				 "link": "<turn:10.0.0.7:3478?transport=tcp>; rel=\\"ice-server\\""}
				"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.addresses[0].verdict").value("PUBLIC_HOST"))
			.andExpect(jsonPath("$.addresses[1].address").value("10.0.0.7"))
			.andExpect(jsonPath("$.addresses[1].verdict").value("PRIVATE"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Wiring {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

		@Bean
		PublicProperties publicProperties() {
			return new PublicProperties("live.example.org", true, 443, "/ome", 3333, 1935, java.util.List.of());
		}

	}

}
