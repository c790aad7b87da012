package io.greenroom.check;

import java.util.Map;

import io.greenroom.publish.PublicProperties;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The producer's one-click setup check ({@code /check}): this browser publishes a test
 * pattern to the reserved check slot and plays it back as a viewer would.
 */
@Controller
class CheckController {

	static final String VIEW_CHECK = "check/check";

	private final CheckSlot slot;

	private final AdvertisedCheck advertised;

	private final PublicHost publicHost;

	private final String signallingPath;

	CheckController(CheckSlot slot, AdvertisedCheck advertised, PublicHost publicHost, PublicProperties properties) {
		this.slot = slot;
		this.advertised = advertised;
		this.publicHost = publicHost;
		this.signallingPath = properties.signallingPath();
	}

	@GetMapping("/check")
	String showCheck(Model model) {
		model.addAttribute("publicHost", this.publicHost.name());
		model.addAttribute("signallingPath", this.signallingPath);
		return VIEW_CHECK;
	}

	/**
	 * The check slot's URLs for this browser; its secret goes to the admin's page only.
	 */
	@PostMapping("/check/session")
	@ResponseBody
	ResponseEntity<?> startSession() {
		return this.slot.ensure().<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"Create an app first: the check publishes to a reserved slot in the first app.");
			return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
		});
	}

	/** Classifies the addresses OME handed this browser in its WHIP answer. */
	@PostMapping("/check/advertised")
	@ResponseBody
	AdvertisedReport judgeAdvertised(@RequestBody Map<String, String> answer) {
		return this.advertised.judge(answer.getOrDefault("answer", ""), answer.getOrDefault("link", ""));
	}

}
