package io.greenroom.tools;

import java.time.Clock;
import java.time.Duration;

import io.greenroom.admission.ViewerTokens;
import io.greenroom.publish.PublishEndpoints;
import io.greenroom.stream.App;
import io.greenroom.stream.Slot;
import io.greenroom.stream.StreamCatalog;
import io.greenroom.web.NotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The latency meter, {@code /tools/latency/APP/SLOT}: plays the slot as the layout pages
 * do and reads the clock page's time from every frame. Behind the admin login. For a
 * private app the page gets its own viewer link, valid for {@link #VIEWER_LINK_LIFETIME},
 * since OME checks one when the player connects.
 */
@Controller
class LatencyMeterController {

	static final String VIEW_METER = "tools/latencyMeter";

	static final Duration VIEWER_LINK_LIFETIME = Duration.ofHours(12);

	private final StreamCatalog catalog;

	private final PublishEndpoints endpoints;

	private final ViewerTokens tokens;

	private final Clock clock;

	LatencyMeterController(StreamCatalog catalog, PublishEndpoints endpoints, ViewerTokens tokens, Clock clock) {
		this.catalog = catalog;
		this.endpoints = endpoints;
		this.tokens = tokens;
		this.clock = clock;
	}

	@GetMapping("/tools/latency/{app}/{slot}")
	String showMeter(@PathVariable String app, @PathVariable String slot, Model model) {
		Slot found = slot(app, slot);
		App owner = found.getApp();
		String query = "";
		if (owner.getAccessPolicy().privateViewing()) {
			String token = this.tokens.issue(owner.getName(), found.getName(),
					this.clock.instant().plus(VIEWER_LINK_LIFETIME));
			query = "?" + ViewerTokens.PARAMETER + "=" + token;
		}
		String source = this.endpoints.playUrl(this.endpoints.nextViewerHost(), owner.getName(), found.getName())
				+ query;
		model.addAttribute("page",
				new MeterPage(owner.getName(), found.getName(), found.getDisplayName(), source,
						"/live/" + owner.getName() + query,
						"/tools/latency/" + owner.getName() + "/" + found.getName() + "/whip"));
		return VIEW_METER;
	}

	/**
	 * The slot's WHIP URL for this browser to send the clock with. Asked for only when
	 * the producer starts sending, so the secret is never in the page itself.
	 */
	@GetMapping(path = "/tools/latency/{app}/{slot}/whip", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<WhipTarget> showWhipTarget(@PathVariable String app, @PathVariable String slot) {
		Slot found = slot(app, slot);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new WhipTarget(this.endpoints.whipUrl(found.getApp().getName(), found.getName(),
					found.getPublishSecret().value())));
	}

	private Slot slot(String app, String slot) {
		return this.catalog.findSlot(app, slot)
			.orElseThrow(() -> new NotFoundException("There is no stream " + app + "/" + slot + "."));
	}

}
