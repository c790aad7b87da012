package io.greenroom.web.admin;

import java.nio.charset.StandardCharsets;

import io.greenroom.check.AdvertisedCheck;
import io.greenroom.ome.OmeConfiguration;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Shows the generated {@code Server.xml} (secrets masked), offers it for download, and
 * applies it by restarting OME; and shows what OME actually advertises for media, from a
 * WHIP answer the producer's browser received.
 */
@Controller
class ServerConfigController {

	static final String VIEW_SERVER_CONFIG = "admin/serverConfig";

	private final OmeConfiguration configuration;

	private final AdvertisedCheck advertised;

	ServerConfigController(OmeConfiguration configuration, AdvertisedCheck advertised) {
		this.configuration = configuration;
		this.advertised = advertised;
	}

	@GetMapping("/server-config")
	String showServerConfig(Model model) {
		model.addAttribute("xml", this.configuration.generateMasked());
		return VIEW_SERVER_CONFIG;
	}

	/**
	 * The page again, with the ICE candidates and TCP relays OME handed out in the WHIP
	 * answer the page's "Check what OME advertises" button received.
	 */
	@PostMapping("/server-config/advertised")
	String processAdvertisedCheck(@RequestParam(defaultValue = "") String answer,
			@RequestParam(defaultValue = "") String link, @RequestParam(defaultValue = "") String failure,
			Model model) {
		model.addAttribute("xml", this.configuration.generateMasked());
		if (!failure.isBlank()) {
			model.addAttribute("advertisedFailure", failure.substring(0, Math.min(failure.length(), 500)));
		}
		else {
			model.addAttribute("advertised", this.advertised.judge(answer, link));
		}
		return VIEW_SERVER_CONFIG;
	}

	@GetMapping("/server-config/Server.xml")
	ResponseEntity<byte[]> downloadServerXml() {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_XML)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("Server.xml").build().toString())
			.body(this.configuration.generate().getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/server-config/Edge.xml")
	ResponseEntity<?> downloadEdgeXml(@RequestParam(defaultValue = "") String host) {
		if (!host.matches(OmeConfiguration.EDGE_HOST)) {
			return ResponseEntity.badRequest()
				.contentType(MediaType.TEXT_PLAIN)
				.body("Give the edge's host name, for example edge1.example.org (letters, digits, '.' and '-').");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_XML)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("Server.xml").build().toString())
			.body(this.configuration.generateEdge(host).getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping("/server-config/apply")
	String processApply(RedirectAttributes redirect) {
		var result = this.configuration.apply();
		redirect.addFlashAttribute(result.ok() ? "message" : "errorMessage", result.message());
		return "redirect:/server-config";
	}

}
