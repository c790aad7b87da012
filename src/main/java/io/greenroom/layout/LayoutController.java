package io.greenroom.layout;

import io.greenroom.admission.ViewerTokens;
import io.greenroom.publish.PublishEndpoints;
import io.greenroom.stream.App;
import io.greenroom.stream.Slot;
import io.greenroom.stream.StreamCatalog;
import io.greenroom.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /watch/{app}/{slot}}: one player with controls, open to anyone for a public app
 * and to holders of a valid viewer link for a private one. OME checks the same link again
 * when the player connects, so the page is not the only lock.
 */
@Controller
class LayoutController {

	static final String VIEW_WATCH = "layout/watch";

	static final String VIEW_PRIVATE = "layout/private";

	private final StreamCatalog catalog;

	private final PublishEndpoints endpoints;

	private final ViewerTokens tokens;

	private final LiveStatus liveStatus;

	LayoutController(StreamCatalog catalog, PublishEndpoints endpoints, ViewerTokens tokens, LiveStatus liveStatus) {
		this.catalog = catalog;
		this.endpoints = endpoints;
		this.tokens = tokens;
		this.liveStatus = liveStatus;
	}

	/**
	 * Server-sent events with the app's live slots; a private app needs a viewer link
	 * here too.
	 */
	@GetMapping(path = "/live/{app}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<?> streamLiveSlots(@PathVariable String app,
			@RequestParam(name = ViewerTokens.PARAMETER, required = false) @Nullable String token) {
		App found = this.catalog.findAppByName(app)
			.orElseThrow(() -> new NotFoundException("There is no app " + app + "."));
		if (found.getAccessPolicy().privateViewing() && !this.tokens.allowsAnySlot(token, app)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		return ResponseEntity.ok(this.liveStatus.subscribe(app));
	}

	@GetMapping("/watch/{app}/{slot}")
	String showPlayer(@PathVariable String app, @PathVariable String slot,
			@RequestParam(name = ViewerTokens.PARAMETER, required = false) @Nullable String token, Model model,
			HttpServletResponse response) {
		Slot found = this.catalog.findSlot(app, slot)
			.orElseThrow(() -> new NotFoundException("There is no stream " + app + "/" + slot + "."));
		App owner = found.getApp();
		String source = this.endpoints.playUrl(owner.getName(), found.getName());
		if (owner.getAccessPolicy().privateViewing()) {
			if (!this.tokens.allows(token, owner.getName(), found.getName())) {
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
				model.addAttribute("expiredOrForged", token != null);
				return VIEW_PRIVATE;
			}
			source = source + "?" + ViewerTokens.PARAMETER + "=" + token;
		}
		model.addAttribute("page", new PlayerPage(owner.getName(), found.getName(), found.getDisplayName(), source));
		model.addAttribute("liveUrl",
				"/live/" + owner.getName() + ((token != null && owner.getAccessPolicy().privateViewing())
						? "?" + ViewerTokens.PARAMETER + "=" + token : ""));
		return VIEW_WATCH;
	}

}
