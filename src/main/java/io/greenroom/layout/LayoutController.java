package io.greenroom.layout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
 * The viewer pages: {@code /watch/APP/SLOT} (one player with controls),
 * {@code /layout/APP/LAYOUT} (a pixel-exact canvas for an OBS BrowserSource) and
 * {@code /call/APP} (a grid of everyone live). Open to anyone for a public app, and to
 * holders of a valid viewer link for a private one; OME checks the same link again when a
 * player connects, so the page is not the only lock.
 */
@Controller
class LayoutController {

	static final String VIEW_WATCH = "layout/watch";

	static final String VIEW_LAYOUT = "layout/layout";

	static final String VIEW_CALL = "layout/call";

	static final String VIEW_PRIVATE = "layout/private";

	private final StreamCatalog catalog;

	private final Layouts layouts;

	private final PublishEndpoints endpoints;

	private final ViewerTokens tokens;

	private final LiveStatus liveStatus;

	LayoutController(StreamCatalog catalog, Layouts layouts, PublishEndpoints endpoints, ViewerTokens tokens,
			LiveStatus liveStatus) {
		this.catalog = catalog;
		this.layouts = layouts;
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
		App found = app(app);
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
		Viewer viewer = admit(owner, found.getName(), token);
		if (viewer == null) {
			return refuse(owner, token, false, model, response);
		}
		model.addAttribute("page", new PlayerPage(owner.getName(), found.getName(), found.getDisplayName(),
				viewer.source(found.getName())));
		model.addAttribute("liveUrl", viewer.liveUrl());
		return VIEW_WATCH;
	}

	@GetMapping("/layout/{app}/{layout}")
	String showLayout(@PathVariable String app, @PathVariable String layout,
			@RequestParam(name = ViewerTokens.PARAMETER, required = false) @Nullable String token, Model model,
			HttpServletResponse response) {
		App owner = app(app);
		Layout found = this.layouts.findByName(owner.getId(), layout)
			.orElseThrow(() -> new NotFoundException("There is no layout " + app + "/" + layout + "."));
		Viewer viewer = admit(owner, ViewerTokens.ALL_SLOTS, token);
		if (viewer == null) {
			return refuse(owner, token, true, model, response);
		}
		model.addAttribute("page", layoutPage(owner, found, viewer));
		model.addAttribute("query", viewer.query());
		model.addAttribute("liveUrl", viewer.liveUrl());
		return VIEW_LAYOUT;
	}

	/**
	 * The layout as JSON, for an open layout page to rearrange itself in place when the
	 * producer saves a change: its players keep playing.
	 */
	@GetMapping(path = "/layout/{app}/{layout}/boxes", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<LayoutPage> layoutBoxes(@PathVariable String app, @PathVariable String layout,
			@RequestParam(name = ViewerTokens.PARAMETER, required = false) @Nullable String token) {
		App owner = app(app);
		Layout found = this.layouts.findByName(owner.getId(), layout)
			.orElseThrow(() -> new NotFoundException("There is no layout " + app + "/" + layout + "."));
		Viewer viewer = admit(owner, ViewerTokens.ALL_SLOTS, token);
		if (viewer == null) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		return ResponseEntity.ok(layoutPage(owner, found, viewer));
	}

	private LayoutPage layoutPage(App owner, Layout found, Viewer viewer) {
		Map<Long, Slot> slots = this.catalog.listSlots(owner.getId())
			.stream()
			.collect(Collectors.toMap(Slot::getId, (slot) -> slot));
		List<LayoutPage.Box> boxes = found.getBoxes()
			.stream()
			.filter((box) -> slots.containsKey(box.getSlotId()))
			.map((box) -> box(box, slots.get(box.getSlotId()), viewer))
			.toList();
		String background = (found.getBackgroundColor() != null) ? found.getBackgroundColor() : "transparent";
		return new LayoutPage(owner.getName(), found.getName(), found.getWidth(), found.getHeight(), background,
				found.isOfflineCard(), boxes);
	}

	@GetMapping("/call/{app}")
	String showCall(@PathVariable String app,
			@RequestParam(name = ViewerTokens.PARAMETER, required = false) @Nullable String token, Model model,
			HttpServletResponse response) {
		App owner = app(app);
		Viewer viewer = admit(owner, ViewerTokens.ALL_SLOTS, token);
		if (viewer == null) {
			return refuse(owner, token, true, model, response);
		}
		Map<String, String> names = new LinkedHashMap<>();
		this.catalog.listSlots(owner.getId()).forEach((slot) -> names.put(slot.getName(), slot.getDisplayName()));
		model.addAttribute("page", new CallPage(owner.getName(), names, viewer.source("{slot}")));
		model.addAttribute("liveUrl", viewer.liveUrl());
		model.addAttribute("namesUrl", "/call/" + owner.getName() + "/names" + viewer.query());
		model.addAttribute("seatsUrl", "/call/" + owner.getName() + "/seats");
		// A participant's page carries their join link: keep it out of other sites' logs.
		response.setHeader("Referrer-Policy", "no-referrer");
		return VIEW_CALL;
	}

	private static LayoutPage.Box box(LayoutBox box, Slot slot, Viewer viewer) {
		String label = box.getLabel();
		int textSize = Math.max(12, Math.min(48, box.getHeight() / 14));
		return new LayoutPage.Box(slot.getName(), (label != null) ? label : slot.getDisplayName(), label, box.getX(),
				box.getY(), box.getWidth(), box.getHeight(), box.getZ(), box.getFit() == Fit.COVER, box.getVolume(),
				box.isMuted(), viewer.source(slot.getName()), textSize);
	}

	/**
	 * The viewer of this page load, or null when a private app's link is missing, forged,
	 * expired, or for something else. {@code slot} is {@link ViewerTokens#ALL_SLOTS} for
	 * pages that show several slots.
	 */
	private @Nullable Viewer admit(App app, String slot, @Nullable String token) {
		boolean privateViewing = app.getAccessPolicy().privateViewing();
		if (privateViewing && !this.tokens.allows(token, app.getName(), slot)) {
			return null;
		}
		return new Viewer(this.endpoints, this.endpoints.nextViewerHost(), app.getName(),
				privateViewing ? token : null);
	}

	private String refuse(App app, @Nullable String token, boolean allSlots, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		boolean oneSlotOnly = allSlots && this.tokens.allowsAnySlot(token, app.getName());
		model.addAttribute("oneSlotOnly", oneSlotOnly);
		model.addAttribute("expiredOrForged", token != null && !oneSlotOnly);
		return VIEW_PRIVATE;
	}

	private App app(String name) {
		return this.catalog.findAppByName(name)
			.orElseThrow(() -> new NotFoundException("There is no app " + name + "."));
	}

	/**
	 * Where one page load's players dial, with the viewer link of a private app.
	 */
	private record Viewer(PublishEndpoints endpoints, String host, String app, @Nullable String token) {

		String source(String slot) {
			return this.endpoints.playUrl(this.host, this.app, slot) + query();
		}

		String liveUrl() {
			return "/live/" + this.app + query();
		}

		String query() {
			return (this.token != null) ? "?" + ViewerTokens.PARAMETER + "=" + this.token : "";
		}

	}

}
