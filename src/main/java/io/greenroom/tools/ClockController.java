package io.greenroom.tools;

import java.time.Clock;

import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The clock source page, {@code /tools/clock}, and Greenroom's time, {@code /tools/time}.
 * Both are open to anyone: the page draws the time as blocks the latency meter reads, for
 * an OBS BrowserSource or a browser that publishes it, and reveals nothing about the
 * server beyond its clock.
 */
@Controller
class ClockController {

	static final String VIEW_CLOCK = "tools/clock";

	static final String VIEW_CLOCK_SETTINGS = "tools/clockSettings";

	private final Clock clock;

	ClockController(Clock clock) {
		this.clock = clock;
	}

	@GetMapping("/tools/clock")
	String showClock(@Valid @ModelAttribute("clockForm") ClockForm form, BindingResult result, Model model) {
		model.addAttribute("synced", form.synced());
		if (result.hasErrors() || !form.hasSize()) {
			return VIEW_CLOCK_SETTINGS;
		}
		return VIEW_CLOCK;
	}

	/**
	 * Greenroom's time in milliseconds. Answered straight from memory so its round trip
	 * is as short as the network allows: the shorter, the more exact the clock
	 * correction.
	 */
	@GetMapping(path = "/tools/time", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ServerTime> showTime() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new ServerTime(this.clock.millis()));
	}

}
