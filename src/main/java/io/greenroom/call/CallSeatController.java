package io.greenroom.call;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.greenroom.admission.ViewerTokens;
import io.greenroom.publish.PublishEndpoints;
import io.greenroom.stream.App;
import io.greenroom.stream.Slot;
import io.greenroom.stream.StreamCatalog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endpoints behind the call page's Join button. Taking a seat needs the app's
 * participant token; its answer is the only place the slot's WHIP URL (with the slot's
 * secret) is handed out, and only to that joiner's page. Renewing and leaving need the
 * seat's random id, which only that page knows. The participants' names are public to
 * whoever may watch the call.
 */
@RestController
class CallSeatController {

	static final int MAX_NAME = 40;

	static final String LINK_GONE = "This participant link is no longer valid. Ask the producer for a new one.";

	private static final Logger logger = LoggerFactory.getLogger(CallSeatController.class);

	private final ParticipantLinks links;

	private final CallSeats seats;

	private final StreamCatalog catalog;

	private final PublishEndpoints endpoints;

	private final ViewerTokens viewerTokens;

	CallSeatController(ParticipantLinks links, CallSeats seats, StreamCatalog catalog, PublishEndpoints endpoints,
			ViewerTokens viewerTokens) {
		this.links = links;
		this.seats = seats;
		this.catalog = catalog;
		this.endpoints = endpoints;
		this.viewerTokens = viewerTokens;
	}

	/** Whether the link is valid and how many seats are free, before joining. */
	@GetMapping("/call/{app}/seats")
	ResponseEntity<Map<String, Object>> showSeats(@PathVariable String app,
			@RequestParam(name = ParticipantLinks.PARAMETER, required = false) @Nullable String token) {
		Optional<App> found = this.links.resolve(app, token);
		if (found.isEmpty()) {
			return answer(HttpStatus.GONE, Map.of("valid", false, "message", LINK_GONE));
		}
		return answer(HttpStatus.OK, Map.of("valid", true, "free", this.seats.free(found.get())));
	}

	@PostMapping("/call/{app}/seats")
	ResponseEntity<Map<String, Object>> takeSeat(@PathVariable String app,
			@RequestParam(name = ParticipantLinks.PARAMETER, required = false) @Nullable String token,
			@RequestParam(required = false) @Nullable String name) {
		Optional<App> found = this.links.resolve(app, token);
		if (found.isEmpty()) {
			return answer(HttpStatus.GONE, Map.of("valid", false, "message", LINK_GONE));
		}
		String trimmed = (name != null) ? name.strip() : "";
		if (trimmed.isEmpty() || trimmed.length() > MAX_NAME || trimmed.chars().anyMatch(Character::isISOControl)) {
			return answer(HttpStatus.BAD_REQUEST, Map.of("field", "name", "message",
					"Type your name (up to " + MAX_NAME + " characters) so the others know who you are."));
		}
		Optional<Seat> seat = this.seats.take(found.get(), trimmed);
		if (seat.isEmpty()) {
			return answer(HttpStatus.CONFLICT, Map.of("message",
					"Every seat of this call is taken: all slots are live or held by someone joining. Try again "
							+ "when someone leaves, or ask the producer to add slots."));
		}
		Optional<Slot> taken = this.catalog.findSlotById(seat.get().slotId());
		if (taken.isEmpty()) {
			this.seats.leave(app, seat.get().id());
			return answer(HttpStatus.CONFLICT, Map.of("message", "The slot was just deleted. Press Join again."));
		}
		Slot slot = taken.get();
		logger.info("{} joined the call of {} on slot {}", trimmed, app, slot.getName());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("seat", seat.get().id());
		body.put("slot", slot.getName());
		body.put("name", trimmed);
		body.put("whipUrl", this.endpoints.whipUrl(app, slot.getName(), slot.getPublishSecret().value()));
		body.put("bitrateKbps", slot.getBitrateKbps());
		body.put("renewSeconds", CallSeats.HOLD.toSeconds() / 3);
		return answer(HttpStatus.CREATED, body);
	}

	@PostMapping("/call/{app}/seats/{seat}/renew")
	ResponseEntity<Void> renewSeat(@PathVariable String app, @PathVariable String seat) {
		return this.seats.renew(app, seat) ? noContent() : ResponseEntity.status(HttpStatus.GONE).build();
	}

	/** Leaving; also reached by the page's beacon when the tab closes. */
	@PostMapping("/call/{app}/seats/{seat}/leave")
	ResponseEntity<Void> leaveSeat(@PathVariable String app, @PathVariable String seat) {
		this.seats.leave(app, seat);
		return noContent();
	}

	@GetMapping("/call/{app}/names")
	ResponseEntity<Map<String, Object>> listNames(@PathVariable String app,
			@RequestParam(name = ViewerTokens.PARAMETER, required = false) @Nullable String token) {
		Optional<App> found = this.catalog.findAppByName(app);
		if (found.isEmpty()) {
			return answer(HttpStatus.NOT_FOUND, Map.of());
		}
		if (found.get().getAccessPolicy().privateViewing()
				&& !this.viewerTokens.allows(token, app, ViewerTokens.ALL_SLOTS)) {
			return answer(HttpStatus.FORBIDDEN, Map.of());
		}
		return answer(HttpStatus.OK, Map.copyOf(this.seats.names(app)));
	}

	private static <T> ResponseEntity<T> answer(HttpStatus status, T body) {
		return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(body);
	}

	private static ResponseEntity<Void> noContent() {
		return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
	}

}
