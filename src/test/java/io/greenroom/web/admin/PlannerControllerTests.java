package io.greenroom.web.admin;

import io.greenroom.admission.LivePublishers;
import io.greenroom.config.PasswordConfiguration;
import io.greenroom.config.SecurityConfiguration;
import io.greenroom.ome.OmeConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(PlannerController.class)
@Import({ SecurityConfiguration.class, PasswordConfiguration.class })
@WithMockUser
class PlannerControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private OmeConfiguration configuration;

	@MockitoBean
	private LivePublishers live;

	@Test
	void opensWithTheUsersWorkedExample() throws Exception {
		this.mvc.perform(get("/planner"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("11.28 Mbit/s")))
			.andExpect(content().string(containsString("162.4 Gbit")))
			.andExpect(content().string(containsString("3.25 Tbit, 406 GB")))
			.andExpect(content().string(containsString("40.6 % of the monthly allowance")))
			.andExpect(content().string(containsString("This server alone")));
	}

	@Test
	void asksForEdgesForThreeHundredViewers() throws Exception {
		this.mvc.perform(plan("viewers", "300"))
			.andExpect(content().string(containsString("676.80 Mbit/s")))
			.andExpect(content().string(containsString("and 4 edge(s) for the viewers")));
	}

	@Test
	void plansACallOfEightAndWarnsWhenTheLinkIsTooSmall() throws Exception {
		this.mvc
			.perform(get("/planner").param("shape", "CALL")
				.param("people", "8")
				.param("viewers", "0")
				.param("videoKbps", "2000")
				.param("audioKbps", "256")
				.param("hoursPerDay", "2")
				.param("daysPerMonth", "4")
				.param("linkMbps", "100")
				.param("allowanceGb", "1000"))
			.andExpect(content().string(containsString("8 in, 64 out")))
			.andExpect(content().string(containsString("144.38 Mbit/s")))
			.andExpect(content().string(containsString("id=\"link-warning\"")))
			.andExpect(content().string(not(containsString("id=\"allowance-warning\""))));
	}

	@Test
	void explainsAnswersOutOfRangeInsteadOfPlanning() throws Exception {
		this.mvc.perform(plan("viewers", "-3", "hoursPerDay", "30"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("planForm", "viewers", "hoursPerDay"))
			.andExpect(model().attributeDoesNotExist("plan"))
			.andExpect(content().string(containsString("Use 0 to 1000000.")))
			.andExpect(content().string(containsString("Use 0.1 to 24 hours.")));
	}

	@Test
	void explainsAnswerThatIsNotANumber() throws Exception {
		this.mvc.perform(plan("videoKbps", "fast"))
			.andExpect(status().isOk())
			.andExpect(model().attributeDoesNotExist("plan"))
			.andExpect(content().string(containsString("Type the video bitrate as a whole number of kbit/s")));
	}

	/** The worked example with some answers replaced: name, value, name, value… */
	private static MockHttpServletRequestBuilder plan(String... replaced) {
		MockHttpServletRequestBuilder request = get("/planner");
		Map<String, String> answers = new LinkedHashMap<>(
				Map.of("shape", "SOLO", "people", "1", "viewers", "5", "videoKbps", "2000", "audioKbps", "256",
						"hoursPerDay", "4", "daysPerMonth", "20", "linkMbps", "1000", "allowanceGb", "1000"));
		for (int i = 0; i < replaced.length; i += 2) {
			answers.put(replaced[i], replaced[i + 1]);
		}
		answers.forEach(request::param);
		return request;
	}

	@Test
	@WithAnonymousUser
	void needsTheAdminLogin() throws Exception {
		this.mvc.perform(get("/planner")).andExpect(status().is3xxRedirection());
	}

}
