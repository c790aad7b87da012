package io.greenroom.handoff;

import java.util.Map;
import java.util.Optional;

import io.greenroom.publish.PublishEndpoints;
import io.greenroom.stream.Slot;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public streamer page behind a private link: that slot's OBS values, its OBS
 * profile, the live check, and going live from the browser. No login; the link itself is
 * the key, and it shows nothing of other slots.
 */
@Controller
class StreamerPageController {

	static final String VIEW_STREAMER = "handoff/streamer";

	static final String VIEW_LINK_INVALID = "handoff/linkInvalid";

	private final StreamerLinks links;

	private final PublishEndpoints endpoints;

	private final LiveCheck liveCheck;

	StreamerPageController(StreamerLinks links, PublishEndpoints endpoints, LiveCheck liveCheck) {
		this.links = links;
		this.endpoints = endpoints;
		this.liveCheck = liveCheck;
	}

	@GetMapping("/go/{token}")
	String showStreamerPage(@PathVariable String token, Model model, HttpServletResponse response) {
		privatePage(response);
		Optional<Slot> slot = this.links.resolve(token);
		if (slot.isEmpty()) {
			response.setStatus(HttpStatus.GONE.value());
			return VIEW_LINK_INVALID;
		}
		model.addAttribute("setup", StreamerSetup.of(slot.get(), this.endpoints));
		model.addAttribute("token", token);
		return VIEW_STREAMER;
	}

	@GetMapping("/go/{token}/obs-profile.zip")
	ResponseEntity<?> downloadProfile(@PathVariable String token, @RequestParam(defaultValue = "whip") String service,
			HttpServletResponse response) {
		Optional<Slot> slot = this.links.resolve(token);
		if (slot.isEmpty()) {
			return linkGone();
		}
		ObsProfile profile = ObsProfile.of(slot.get(), ObsProfile.Service.of(service), this.endpoints);
		return zip(profile.folder() + ".zip", profile.zip());
	}

	@GetMapping(path = "/go/{token}/status", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> liveStatus(@PathVariable String token) {
		Optional<Slot> slot = this.links.resolve(token);
		if (slot.isEmpty()) {
			return ResponseEntity.status(HttpStatus.GONE)
				.cacheControl(CacheControl.noStore())
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("valid", false, "message", LINK_GONE));
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(this.liveCheck.check(slot.get()));
	}

	static final String LINK_GONE = "This streamer link is no longer valid. Ask the producer for a new one.";

	static ResponseEntity<byte[]> zip(String filename, byte[] bytes) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(bytes);
	}

	private static ResponseEntity<String> linkGone() {
		return ResponseEntity.status(HttpStatus.GONE)
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.TEXT_PLAIN)
			.body(LINK_GONE + "\n");
	}

	/** The link is a key: keep it out of caches, search engines and other sites' logs. */
	private static void privatePage(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("X-Robots-Tag", "noindex");
	}

}
