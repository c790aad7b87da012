package io.greenroom.call;

import io.greenroom.stream.App;
import io.greenroom.stream.StreamCatalog;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The producer's side of the participant link: replacing it from the app page. */
@Controller
class CallAdminController {

	private final StreamCatalog catalog;

	CallAdminController(StreamCatalog catalog) {
		this.catalog = catalog;
	}

	@PostMapping("/apps/{appId}/participant-link/rotate")
	String rotateParticipantLink(@PathVariable Long appId, RedirectAttributes redirect) {
		App app = this.catalog.rotateParticipantLink(appId);
		redirect.addFlashAttribute("message", "New participant link for " + app.getName()
				+ ". Earlier links no longer let anyone join; people already in the call stay until they leave.");
		return "redirect:/apps/" + appId + "#call-join";
	}

}
