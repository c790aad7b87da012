package io.greenroom.tools;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.greenroom.admission.LivePublishers;
import io.greenroom.config.PasswordConfiguration;
import io.greenroom.config.SecurityConfiguration;
import io.greenroom.ome.OmeConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The clock page and Greenroom's time, both open to anyone without logging in.
 */
@WebMvcTest(ClockController.class)
@Import({ SecurityConfiguration.class, PasswordConfiguration.class, ClockControllerTests.FixedClock.class })
class ClockControllerTests {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00.123Z");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private OmeConfiguration omeConfiguration;

	@MockitoBean
	private LivePublishers live;

	@Test
	void drawsTheClockAtTheChosenSizeWithoutLogin() throws Exception {
		this.mvc.perform(get("/tools/clock").param("w", "1920").param("h", "1080"))
			.andExpect(status().isOk())
			.andExpect(view().name(ClockController.VIEW_CLOCK))
			.andExpect(model().attribute("synced", true))
			.andExpect(content().string(containsString("width=\"1920\" height=\"1080\"")))
			.andExpect(content().string(containsString("/js/clock-code.js")));
	}

	@Test
	void drawsThisMachinesOwnTimeWhenAsked() throws Exception {
		this.mvc.perform(get("/tools/clock").param("w", "640").param("h", "360").param("sync", "false"))
			.andExpect(view().name(ClockController.VIEW_CLOCK))
			.andExpect(model().attribute("synced", false));
	}

	@Test
	void showsTheSettingsWhenNoSizeIsGiven() throws Exception {
		this.mvc.perform(get("/tools/clock"))
			.andExpect(status().isOk())
			.andExpect(view().name(ClockController.VIEW_CLOCK_SETTINGS))
			.andExpect(content().string(containsString("With OBS")));
	}

	@Test
	void explainsASizeOutOfRange() throws Exception {
		this.mvc.perform(get("/tools/clock").param("w", "50").param("h", "99999"))
			.andExpect(view().name(ClockController.VIEW_CLOCK_SETTINGS))
			.andExpect(model().attributeHasFieldErrors("clockForm", "w", "h"))
			.andExpect(content().string(containsString("Width must be 160 to 3840 pixels.")))
			.andExpect(content().string(containsString("Height must be 90 to 2160 pixels.")));
	}

	@Test
	void explainsASizeThatIsNotANumber() throws Exception {
		this.mvc.perform(get("/tools/clock").param("w", "wide").param("h", "720"))
			.andExpect(view().name(ClockController.VIEW_CLOCK_SETTINGS))
			.andExpect(model().attributeHasFieldErrors("clockForm", "w"));
	}

	@Test
	void answersGreenroomsTimeInMillisecondsUncached() throws Exception {
		this.mvc.perform(get("/tools/time"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(content().json("{\"now\":" + NOW.toEpochMilli() + "}", true));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
