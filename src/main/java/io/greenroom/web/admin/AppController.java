package io.greenroom.web.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.greenroom.admission.LivePublishers;
import io.greenroom.admission.ViewerTokens;
import io.greenroom.call.ParticipantLinks;
import io.greenroom.layout.Layout;
import io.greenroom.layout.Layouts;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Lists, creates, renames and deletes apps.
 */
@Controller
class AppController {

	static final String VIEW_APP_LIST = "admin/apps/appList";

	static final String VIEW_APP_FORM = "admin/apps/appForm";

	static final String VIEW_APP_DETAILS = "admin/apps/appDetails";

	static final String VIEW_APP_DELETE = "admin/apps/appDelete";

	private final StreamCatalog catalog;

	private final LivePublishers live;

	private final ViewerTokens viewerTokens;

	private final PublishEndpoints endpoints;

	private final Layouts layouts;

	private final Clock clock;

	private final LiveBoard board;

	private final ParticipantLinks participantLinks;

	AppController(StreamCatalog catalog, LivePublishers live, ViewerTokens viewerTokens, PublishEndpoints endpoints,
			Layouts layouts, Clock clock, LiveBoard board, ParticipantLinks participantLinks) {
		this.board = board;
		this.participantLinks = participantLinks;
		this.layouts = layouts;
		this.catalog = catalog;
		this.live = live;
		this.viewerTokens = viewerTokens;
		this.endpoints = endpoints;
		this.clock = clock;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/apps";
	}

	@GetMapping("/apps")
	String listApps(Model model) {
		List<io.greenroom.stream.AppSummary> apps = this.catalog.listApps();
		model.addAttribute("apps", apps);
		java.util.Map<Long, LiveBoard.AppLive> onAir = new java.util.HashMap<>();
		apps.forEach((app) -> onAir.put(app.id(), this.board.summary(app.name())));
		model.addAttribute("onAir", onAir);
		return VIEW_APP_LIST;
	}

	@GetMapping("/apps/new")
	String initCreationForm(Model model) {
		model.addAttribute("appForm", AppForm.empty());
		return VIEW_APP_FORM;
	}

	@PostMapping("/apps/new")
	String processCreationForm(@Valid @ModelAttribute("appForm") AppForm form, BindingResult result,
			RedirectAttributes redirect) {
		rejectPlayoutDelay(form, result);
		if (result.hasErrors()) {
			return VIEW_APP_FORM;
		}
		try {
			App app = this.catalog.createApp(form.name(), form.toSettings());
			redirect.addFlashAttribute("message", "Created app '" + app.getName()
					+ "'. Now add its slots. OME needs a restart to serve a new app: see OME config.");
			return "redirect:/apps/" + app.getId();
		}
		catch (DuplicateNameException ex) {
			result.rejectValue("name", "duplicate", ex.getMessage());
			return VIEW_APP_FORM;
		}
	}

	@GetMapping("/apps/{appId}")
	String showApp(@PathVariable Long appId, Model model) {
		App app = app(appId);
		model.addAttribute("accessForm", AccessForm.of(app.getAccessPolicy()));
		model.addAttribute("shareForm", ShareForm.empty());
		return details(app, model);
	}

	@PostMapping("/apps/{appId}/access")
	String processAccess(@PathVariable Long appId, @Valid @ModelAttribute("accessForm") AccessForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		App app = app(appId);
		if (result.hasErrors()) {
			model.addAttribute("shareForm", ShareForm.empty());
			return details(app, model);
		}
		this.catalog.updateAccessPolicy(appId, form.toPolicy());
		redirect.addFlashAttribute("message",
				form.toPolicy().privateViewing()
						? "Saved. Viewers now need a link from this page; open players without one are refused."
						: "Saved. Anyone who knows a slot's address can watch it.");
		return "redirect:/apps/" + appId;
	}

	@PostMapping("/apps/{appId}/share")
	String processShare(@PathVariable Long appId, @Valid @ModelAttribute("shareForm") ShareForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		App app = app(appId);
		List<Slot> slots = this.catalog.listSlots(appId);
		if (!form.slot().equals(ViewerTokens.ALL_SLOTS)
				&& slots.stream().noneMatch((slot) -> slot.getName().equals(form.slot()))) {
			result.rejectValue("slot", "unknown", "That slot does not exist in this app.");
		}
		if (result.hasErrors()) {
			model.addAttribute("accessForm", AccessForm.of(app.getAccessPolicy()));
			return details(app, model);
		}
		Instant expiry = this.clock.instant().plus(Duration.ofHours(form.hours()));
		String token = this.viewerTokens.issue(app.getName(), form.slot(), expiry);
		String query = "?" + ViewerTokens.PARAMETER + "=" + token;
		String site = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		List<ShareLink> links = new ArrayList<>();
		if (form.slot().equals(ViewerTokens.ALL_SLOTS)) {
			links.add(new ShareLink("Call grid", site + "/call/" + app.getName() + query));
			links.add(new ShareLink("Call grid with Join, for participants only",
					site + this.participantLinks.path(app) + "&" + ViewerTokens.PARAMETER + "=" + token));
			for (Layout layout : this.layouts.list(appId)) {
				links.add(new ShareLink("Layout " + layout.getName() + " (OBS Browser source)",
						site + "/layout/" + app.getName() + "/" + layout.getName() + query));
			}
			links.add(new ShareLink("Signalling URL for another player (put the slot name for SLOT)",
					this.endpoints.playUrl(app.getName(), "SLOT") + query));
		}
		else {
			links.add(new ShareLink("Player page", site + "/watch/" + app.getName() + "/" + form.slot() + query));
			links.add(new ShareLink("Signalling URL for another player",
					this.endpoints.playUrl(app.getName(), form.slot()) + query));
		}
		redirect.addFlashAttribute("shareLinks", links);
		redirect.addFlashAttribute("shareExpiry", Times.FORMAT.format(expiry));
		redirect.addFlashAttribute("shareExpiryIso", expiry.toString());
		redirect.addFlashAttribute("message",
				"Viewer link created. It works until " + Times.FORMAT.format(expiry) + ".");
		return "redirect:/apps/" + appId;
	}

	private String details(App app, Model model) {
		List<Slot> slots = this.catalog.listSlots(app.getId());
		model.addAttribute("app", app);
		model.addAttribute("slots", slots);
		model.addAttribute("layouts", this.layouts.list(app.getId()));
		String participantLink = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
				+ this.participantLinks.path(app);
		model.addAttribute("participantLink", participantLink);
		model.addAttribute("participantLinkMasked", participantLink.substring(0, participantLink.lastIndexOf('.') + 1)
				+ "••••" + participantLink.substring(participantLink.length() - 4));
		model.addAttribute("liveSlots",
				slots.stream()
					.filter((slot) -> this.live.isLive(app.getName(), slot.getName()))
					.map(Slot::getName)
					.toList());
		return VIEW_APP_DETAILS;
	}

	@GetMapping("/apps/{appId}/edit")
	String initUpdateForm(@PathVariable Long appId, Model model) {
		App app = app(appId);
		model.addAttribute("app", app);
		model.addAttribute("appForm", AppForm.of(app));
		return VIEW_APP_FORM;
	}

	@PostMapping("/apps/{appId}/edit")
	String processUpdateForm(@PathVariable Long appId, @Valid @ModelAttribute("appForm") AppForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		App app = app(appId);
		rejectPlayoutDelay(form, result);
		if (result.hasErrors()) {
			model.addAttribute("app", app);
			return VIEW_APP_FORM;
		}
		try {
			boolean renamed = !app.getName().equals(form.name());
			this.catalog.updateApp(appId, form.name(), form.toSettings());
			redirect.addFlashAttribute("message", "Saved app '" + form.name() + "'."
					+ (renamed ? " Streamers and viewers must use the new name in their URLs." : ""));
			return "redirect:/apps/" + appId;
		}
		catch (DuplicateNameException ex) {
			result.rejectValue("name", "duplicate", ex.getMessage());
			model.addAttribute("app", app);
			return VIEW_APP_FORM;
		}
	}

	@PostMapping("/apps/{appId}/delete")
	String processDelete(@PathVariable Long appId, @RequestParam(defaultValue = "false") boolean confirmed, Model model,
			RedirectAttributes redirect) {
		App app = app(appId);
		List<Slot> slots = this.catalog.listSlots(appId);
		if (!slots.isEmpty() && !confirmed) {
			model.addAttribute("app", app);
			model.addAttribute("slots", slots);
			return VIEW_APP_DELETE;
		}
		this.catalog.deleteApp(appId);
		redirect.addFlashAttribute("message", "Deleted app '" + app.getName() + "'"
				+ (slots.isEmpty() ? "." : " and its " + slots.size() + " slot(s)."));
		return "redirect:/apps";
	}

	private static void rejectPlayoutDelay(AppForm form, BindingResult result) {
		String problem = form.playoutDelayProblem();
		if (problem != null && !result.hasFieldErrors("playoutDelayMinMs")
				&& !result.hasFieldErrors("playoutDelayMaxMs")) {
			result.rejectValue("playoutDelayMaxMs", "playoutDelay", problem);
		}
	}

	private App app(Long appId) {
		return this.catalog.findApp(appId).orElseThrow(() -> new NotFoundException("No app " + appId));
	}

}
