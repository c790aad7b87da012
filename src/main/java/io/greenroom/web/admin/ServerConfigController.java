package io.greenroom.web.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.greenroom.check.AdvertisedCheck;
import io.greenroom.ome.OmeConfiguration;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

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

	/**
	 * The edge's {@code Server.xml} as a download; a host name that is not one comes back
	 * on the page with the reason under the field.
	 */
	@GetMapping("/server-config/Edge.xml")
	@Nullable String downloadEdgeXml(@RequestParam(defaultValue = "") String host, Model model, HttpServletResponse response)
			throws IOException {
		String edgeHost = host.strip();
		if (!edgeHost.matches(OmeConfiguration.EDGE_HOST)) {
			model.addAttribute("edgeHost", host);
			model.addAttribute("edgeHostError",
					edgeHost.isEmpty() ? "Type the edge's host name, for example " + "edge1.example.org."
							: "That is not a host name. Use letters, digits, '.' and '-' only, "
									+ "without https:// or a port, for example edge1.example.org.");
			return showServerConfig(model);
		}
		byte[] body = this.configuration.generateEdge(edgeHost).getBytes(StandardCharsets.UTF_8);
		response.setContentType(MediaType.APPLICATION_XML_VALUE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("Server.xml").build().toString());
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		return null;
	}

	/** The producer restarted OME by hand, as the page told them to, and says so. */
	@PostMapping("/server-config/restarted")
	String processRestartedByHand(RedirectAttributes redirect) {
		var result = this.configuration.confirmRestartedByHand();
		redirect.addFlashAttribute(result.ok() ? "message" : "errorMessage", result.message());
		return "redirect:/server-config";
	}

	@PostMapping("/server-config/apply")
	String processApply(RedirectAttributes redirect) {
		if (!this.configuration.status().restartHookConfigured()) {
			redirect.addFlashAttribute("errorMessage", "Greenroom cannot restart OME here: no restart hook is "
					+ "configured. Restart OME by hand as described below.");
			return "redirect:/server-config";
		}
		var result = this.configuration.apply();
		redirect.addFlashAttribute(result.ok() ? "message" : "errorMessage", result.message());
		return "redirect:/server-config";
	}

}
