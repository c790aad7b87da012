package io.greenroom.web.admin;

import java.time.format.DateTimeFormatter;
import java.util.List;

import io.greenroom.admission.LiveControl;
import io.greenroom.admission.LivePublishers;
import io.greenroom.admission.SessionHistory;
import io.greenroom.handoff.StreamerLinks;
import io.greenroom.live.LiveBoard;
import io.greenroom.publish.PublishEndpoints;
import io.greenroom.stream.App;
import io.greenroom.stream.DuplicateNameException;
import io.greenroom.stream.Slot;
import io.greenroom.stream.StreamCatalog;
import io.greenroom.web.NotFoundException;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creates, edits, enables, disables and deletes slots, rotates their secrets, and shows a
 * streamer the exact OBS values.
 */
@Controller
class SlotController {

	static final String VIEW_SLOT_FORM = "admin/slots/slotForm";

	static final String VIEW_SLOT_DETAILS = "admin/slots/slotDetails";

	private static final DateTimeFormatter TIME_FORMAT = Times.FORMAT;

	private final StreamCatalog catalog;

	private final PublishEndpoints endpoints;

	private final LivePublishers live;

	private final SessionHistory history;

	private final LiveControl control;

	private final StreamerLinks links;

	private final LiveBoard board;

	SlotController(StreamCatalog catalog, PublishEndpoints endpoints, LivePublishers live, SessionHistory history,
			LiveControl control, StreamerLinks links, LiveBoard board) {
		this.links = links;
		this.board = board;
		this.catalog = catalog;
		this.endpoints = endpoints;
		this.live = live;
		this.history = history;
		this.control = control;
	}

	@GetMapping("/apps/{appId}/slots/new")
	String initCreationForm(@PathVariable Long appId, Model model) {
		model.addAttribute("app", app(appId));
		model.addAttribute("slotForm", SlotForm.suggested(this.catalog.nextSlotName(appId)));
		return VIEW_SLOT_FORM;
	}

	@PostMapping("/apps/{appId}/slots/bulk")
	String processBulkCreation(@PathVariable Long appId, @RequestParam(defaultValue = "0") int count,
			@RequestParam(defaultValue = "" + SlotForm.DEFAULT_BITRATE_KBPS) int bitrateKbps,
			RedirectAttributes redirect) {
		app(appId);
		if (count < 1 || count > StreamCatalog.MAX_SLOTS_AT_ONCE) {
			redirect.addFlashAttribute("errorMessage",
					"Add 1 to " + StreamCatalog.MAX_SLOTS_AT_ONCE + " slots at a time.");
			return "redirect:/apps/" + appId;
		}
		if (bitrateKbps < 100 || bitrateKbps > 50000) {
			redirect.addFlashAttribute("errorMessage", "Use a bitrate from 100 to 50000 kbit/s.");
			return "redirect:/apps/" + appId;
		}
		List<Slot> created = this.catalog.createNumberedSlots(appId, count, bitrateKbps);
		redirect.addFlashAttribute("message",
				"Added " + created.size() + ((created.size() == 1) ? " slot: " : " slots: ") + created.get(0).getName()
						+ ((created.size() == 1) ? "" : " to " + created.get(created.size() - 1).getName())
						+ ". Rename them below, then send each streamer their link.");
		return "redirect:/apps/" + appId;
	}

	@PostMapping("/apps/{appId}/slots/{slotId}/display-name")
	String processDisplayName(@PathVariable Long appId, @PathVariable Long slotId, @RequestParam String displayName,
			RedirectAttributes redirect) {
		Slot slot = slot(appId, slotId);
		String name = displayName.strip();
		if (name.isEmpty() || name.length() > 100) {
			redirect.addFlashAttribute("errorMessage",
					"Give " + slot.getName() + " a display name of 1 to 100 characters.");
			return "redirect:/apps/" + appId;
		}
		this.catalog.renameDisplay(appId, slotId, name);
		redirect.addFlashAttribute("message", "Renamed " + slot.getName() + " to '" + name + "'.");
		return "redirect:/apps/" + appId;
	}

	@PostMapping("/apps/{appId}/slots/new")
	String processCreationForm(@PathVariable Long appId, @Valid @ModelAttribute("slotForm") SlotForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		App app = app(appId);
		if (result.hasErrors()) {
			model.addAttribute("app", app);
			return VIEW_SLOT_FORM;
		}
		try {
			Slot slot = this.catalog.createSlot(appId, form.toDraft());
			redirect.addFlashAttribute("message",
					"Created slot '" + slot.getName() + "'. Send the streamer the values below.");
			return "redirect:/apps/" + appId + "/slots/" + slot.getId();
		}
		catch (DuplicateNameException ex) {
			result.rejectValue("name", "duplicate", ex.getMessage());
			model.addAttribute("app", app);
			return VIEW_SLOT_FORM;
		}
	}

	@GetMapping("/apps/{appId}/slots/{slotId}")
	String showSlot(@PathVariable Long appId, @PathVariable Long slotId, Model model) {
		Slot slot = slot(appId, slotId);
		model.addAttribute("app", slot.getApp());
		model.addAttribute("slot", slot);
		model.addAttribute("obs", ObsSettings.of(slot, this.endpoints));
		model.addAttribute("streamerLink", this.links.url(slot));
		model.addAttribute("streamerLinkMasked", this.links.maskedUrl(slot));
		model.addAttribute("localHost", this.endpoints.hostIsLocalOnly() ? this.endpoints.host() : null);
		model.addAttribute("secretChangedAt", TIME_FORMAT.format(slot.getSecretRotatedAt()));
		model.addAttribute("live", this.live.isLive(slot.getApp().getName(), slot.getName()));
		model.addAttribute("warnings", this.board.warnings(slot.getApp().getName(), slot));
		model.addAttribute("sessions",
				this.history.recent(slot.getId())
					.stream()
					.map((session) -> SessionRow.of(session, TIME_FORMAT))
					.toList());
		return VIEW_SLOT_DETAILS;
	}

	@GetMapping("/apps/{appId}/slots/{slotId}/edit")
	String initUpdateForm(@PathVariable Long appId, @PathVariable Long slotId, Model model) {
		Slot slot = slot(appId, slotId);
		model.addAttribute("app", slot.getApp());
		model.addAttribute("slot", slot);
		model.addAttribute("slotForm", SlotForm.of(slot));
		return VIEW_SLOT_FORM;
	}

	@PostMapping("/apps/{appId}/slots/{slotId}/edit")
	String processUpdateForm(@PathVariable Long appId, @PathVariable Long slotId,
			@Valid @ModelAttribute("slotForm") SlotForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Slot slot = slot(appId, slotId);
		if (result.hasErrors()) {
			model.addAttribute("app", slot.getApp());
			model.addAttribute("slot", slot);
			return VIEW_SLOT_FORM;
		}
		try {
			this.catalog.updateSlot(appId, slotId, form.toDraft());
			redirect.addFlashAttribute("message", "Saved slot '" + form.name() + "'.");
			return "redirect:/apps/" + appId + "/slots/" + slotId;
		}
		catch (DuplicateNameException ex) {
			result.rejectValue("name", "duplicate", ex.getMessage());
			model.addAttribute("app", slot.getApp());
			model.addAttribute("slot", slot);
			return VIEW_SLOT_FORM;
		}
	}

	@PostMapping("/apps/{appId}/slots/{slotId}/enabled")
	String processEnabled(@PathVariable Long appId, @PathVariable Long slotId, @RequestParam boolean enabled,
			RedirectAttributes redirect) {
		Slot slot = this.catalog.setSlotEnabled(appId, slotId, enabled);
		redirect.addFlashAttribute("message", (enabled ? "Enabled" : "Disabled") + " slot '" + slot.getName() + "'."
				+ (enabled ? "" : " New publish attempts to it will be refused."));
		return "redirect:/apps/" + appId + "/slots/" + slotId;
	}

	@PostMapping("/apps/{appId}/slots/{slotId}/rotate")
	String processRotate(@PathVariable Long appId, @PathVariable Long slotId, RedirectAttributes redirect) {
		Slot slot = this.catalog.rotateSecret(appId, slotId);
		redirect.addFlashAttribute("message",
				"New secret for '" + slot.getName()
						+ "'. The old one is refused from now on: send the streamer the new values below."
						+ " Someone already live stays on air until they reconnect or you cut them off.");
		return "redirect:/apps/" + appId + "/slots/" + slotId;
	}

	@PostMapping("/apps/{appId}/slots/{slotId}/kick")
	String processKick(@PathVariable Long appId, @PathVariable Long slotId, RedirectAttributes redirect) {
		Slot slot = slot(appId, slotId);
		switch (this.control.kick(slot.getApp().getName(), slot.getName())) {
			case KICKED -> redirect.addFlashAttribute("message", "Cut off the publisher of '" + slot.getName()
					+ "'. Their encoder may reconnect: rotate the secret or disable the slot to keep them out.");
			case NOT_LIVE -> redirect.addFlashAttribute("message",
					"OME has no live stream for '" + slot.getName() + "': nothing to cut off.");
			case FAILED -> redirect.addFlashAttribute("errorMessage", "Could not reach OME's API to cut off '"
					+ slot.getName() + "'. Check GREENROOM_OME_API_URL and that OME is running.");
		}
		return "redirect:/apps/" + appId + "/slots/" + slotId;
	}

	@PostMapping("/apps/{appId}/slots/{slotId}/delete")
	String processDelete(@PathVariable Long appId, @PathVariable Long slotId, RedirectAttributes redirect) {
		Slot slot = slot(appId, slotId);
		String name = slot.getName();
		this.catalog.deleteSlot(appId, slotId);
		redirect.addFlashAttribute("message", "Deleted slot '" + name + "'.");
		return "redirect:/apps/" + appId;
	}

	private App app(Long appId) {
		return this.catalog.findApp(appId).orElseThrow(() -> new NotFoundException("No app " + appId));
	}

	private Slot slot(Long appId, Long slotId) {
		return this.catalog.findSlot(appId, slotId)
			.orElseThrow(() -> new NotFoundException("No slot " + slotId + " in app " + appId));
	}

}
