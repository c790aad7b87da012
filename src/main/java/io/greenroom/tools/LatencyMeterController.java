package io.greenroom.tools;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

	static final String VIEW_ALL = "tools/latencyAll";

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
		String query = viewerQuery(owner, found);
		model.addAttribute("page",
				new MeterPage(owner.getName(), found.getName(), found.getDisplayName(), source(owner, found, query),
						"/live/" + owner.getName() + query,
						"/tools/latency/" + owner.getName() + "/" + found.getName() + "/whip"));
		return VIEW_METER;
	}

	/**
	 * Every slot of an app at once, for show day: each live slot plays in the page and
	 * gets its own row of figures while its streamer shows the clock.
	 */
	@GetMapping("/tools/latency/{app}")
	String showAllSlots(@PathVariable String app, Model model) {
		App owner = this.catalog.findAppByName(app)
			.orElseThrow(() -> new NotFoundException("There is no app " + app + "."));
		List<MeterRow> slots = new ArrayList<>();
		String liveQuery = "";
		for (Slot slot : this.catalog.listSlots(owner.getId())) {
			String query = viewerQuery(owner, slot);
			// The live list needs a link of any one slot of a private app.
			liveQuery = liveQuery.isEmpty() ? query : liveQuery;
			slots.add(new MeterRow(slot.getName(), slot.getDisplayName(), source(owner, slot, query),
					"/tools/latency/" + owner.getName() + "/" + slot.getName()));
		}
		model.addAttribute("app", owner.getName());
		model.addAttribute("slots", slots);
		model.addAttribute("liveUrl", "/live/" + owner.getName() + liveQuery);
		return VIEW_ALL;
	}

	/**
	 * A viewer link for a private app's slot, as a query string; empty for a public app.
	 */
	private String viewerQuery(App owner, Slot slot) {
		if (!owner.getAccessPolicy().privateViewing()) {
			return "";
		}
		String token = this.tokens.issue(owner.getName(), slot.getName(),
				this.clock.instant().plus(VIEWER_LINK_LIFETIME));
		return "?" + ViewerTokens.PARAMETER + "=" + token;
	}

	private String source(App owner, Slot slot, String query) {
		return this.endpoints.playUrl(this.endpoints.nextViewerHost(), owner.getName(), slot.getName()) + query;
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
