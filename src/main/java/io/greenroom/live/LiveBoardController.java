package io.greenroom.live;

import java.time.Clock;
import java.time.Duration;

import io.greenroom.admission.LiveControl;
import io.greenroom.admission.ViewerTokens;
import io.greenroom.ome.OmeApiClient;
import io.greenroom.publish.PublishEndpoints;
import io.greenroom.stream.App;
import io.greenroom.stream.Slot;
import io.greenroom.stream.StreamCatalog;
import io.greenroom.web.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The show-day board of one app: a card per slot, kept up to date by server-sent events,
 * with kick and kick-and-block on each card.
 */
@Controller
class LiveBoardController {

	static final String VIEW_BOARD = "live/board";

	/** How long a preview's viewer link works, for a private app. */
	private static final Duration PREVIEW_TOKEN_LIFETIME = Duration.ofHours(12);

	private final StreamCatalog catalog;

	private final LiveBoard board;

	private final LiveControl control;

	private final PublishEndpoints endpoints;

	private final ViewerTokens viewerTokens;

	private final Clock clock;

	LiveBoardController(StreamCatalog catalog, LiveBoard board, LiveControl control, PublishEndpoints endpoints,
			ViewerTokens viewerTokens, Clock clock) {
		this.catalog = catalog;
		this.board = board;
		this.control = control;
		this.endpoints = endpoints;
		this.viewerTokens = viewerTokens;
		this.clock = clock;
	}

	@GetMapping("/apps/{appId}/live")
	String showBoard(@PathVariable Long appId, Model model) {
		App app = app(appId);
		model.addAttribute("app", app);
		model.addAttribute("board", this.board.view(app));
		String token = app.getAccessPolicy().privateViewing() ? "?" + ViewerTokens.PARAMETER + "=" + this.viewerTokens
			.issue(app.getName(), ViewerTokens.ALL_SLOTS, this.clock.instant().plus(PREVIEW_TOKEN_LIFETIME)) : "";
		model.addAttribute("previewSource", this.endpoints.playUrl(app.getName(), "SLOT") + token);
		return VIEW_BOARD;
	}

	@GetMapping("/apps/{appId}/live/events")
	SseEmitter boardEvents(@PathVariable Long appId) {
		return this.board.subscribe(app(appId));
	}

	@PostMapping("/apps/{appId}/live/{slotId}/kick")
	String processKick(@PathVariable Long appId, @PathVariable Long slotId, RedirectAttributes redirect) {
		Slot slot = slot(appId, slotId);
		kick(slot, redirect, "Cut off '" + slot.getName()
				+ "'. Their encoder may come straight back: use Kick and block to keep them out.");
		return "redirect:/apps/" + appId + "/live";
	}

	@PostMapping("/apps/{appId}/live/{slotId}/block")
	String processKickAndBlock(@PathVariable Long appId, @PathVariable Long slotId, RedirectAttributes redirect) {
		Slot slot = slot(appId, slotId);
		// The secret first: once OME drops the stream, the encoder's automatic
		// reconnect is already refused.
		this.catalog.rotateSecret(appId, slotId);
		String blocked = "Made a new secret for '" + slot.getName()
				+ "' first: their OBS settings are refused from now on."
				+ " Send the streamer the new values from the slot page to let them back.";
		kick(slot, redirect, blocked + " Then cut them off.", blocked + " OME had no live stream to cut off.",
				blocked + " But OME's API could not be reached to cut them off: they stay on air until they"
						+ " disconnect. Check GREENROOM_OME_API_URL and that OME is running.");
		return "redirect:/apps/" + appId + "/live";
	}

	private void kick(Slot slot, RedirectAttributes redirect, String done) {
		kick(slot, redirect, done, "OME has no live stream for '" + slot.getName() + "': nothing to cut off.",
				"Could not reach OME's API to cut off '" + slot.getName()
						+ "'. Check GREENROOM_OME_API_URL and that OME is running.");
	}

	private void kick(Slot slot, RedirectAttributes redirect, String done, String notLive, String failed) {
		OmeApiClient.KickResult result = this.control.kick(slot.getApp().getName(), slot.getName());
		switch (result) {
			case KICKED -> redirect.addFlashAttribute("message", done);
			case NOT_LIVE -> redirect.addFlashAttribute("message", notLive);
			case FAILED -> redirect.addFlashAttribute("errorMessage", failed);
		}
	}

	private App app(Long appId) {
		return this.catalog.findApp(appId).orElseThrow(() -> new NotFoundException("No app " + appId));
	}

	private Slot slot(Long appId, Long slotId) {
		return this.catalog.findSlot(appId, slotId)
			.orElseThrow(() -> new NotFoundException("No slot " + slotId + " in app " + appId));
	}

}
