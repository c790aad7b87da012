package io.greenroom.notify;

import java.time.Clock;
import java.util.List;

import io.greenroom.stream.App;
import io.greenroom.stream.StreamCatalog;
import io.greenroom.stream.UnknownEntityException;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Notifications pages: targets, their last delivery, Send test.
 */
@Controller
@RequestMapping("/notifications")
class NotificationController {

	static final String VIEW_TARGET_LIST = "notify/targetList";

	static final String VIEW_TARGET_FORM = "notify/targetForm";

	private final String omeDownAfter;

	private final NotificationTargets targets;

	private final Notifier notifier;

	private final WebhookClient client;

	private final StreamCatalog catalog;

	private final TargetUrls urls;

	private final Clock clock;

	NotificationController(NotificationTargets targets, Notifier notifier, WebhookClient client, StreamCatalog catalog,
			NotifyProperties properties, Clock clock) {
		this.targets = targets;
		this.notifier = notifier;
		this.client = client;
		this.catalog = catalog;
		this.urls = new TargetUrls(properties.allowInsecureUrls());
		this.omeDownAfter = Messages.duration(properties.omeDownAfter());
		this.clock = clock;
	}

	@GetMapping
	String listTargets(Model model) {
		model.addAttribute("targets", this.targets.list().stream().map(TargetRow::of).toList());
		model.addAttribute("dropped", this.notifier.dropped());
		model.addAttribute("waiting", this.notifier.waiting());
		return VIEW_TARGET_LIST;
	}

	@GetMapping("/new")
	String initCreationForm(Model model) {
		return form(TargetForm.empty(), null, model);
	}

	@PostMapping(path = "/new", params = "preview")
	String previewNew(@ModelAttribute("targetForm") TargetForm form, Model model) {
		return form(form, null, model);
	}

	@PostMapping("/new")
	String processCreationForm(@Valid @ModelAttribute("targetForm") TargetForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		String url = (form.url() != null) ? form.url() : "";
		checkUrl(form, url, result);
		if (result.hasErrors()) {
			return form(form, null, model);
		}
		NotificationTarget target = this.targets.create(form.settings(url));
		this.notifier.targetsChanged();
		redirect.addFlashAttribute("message", "Added target '" + target.getName() + "'. Send a test to check it.");
		return "redirect:/notifications";
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable Long id, Model model) {
		NotificationTarget target = target(id);
		return form(TargetForm.of(target), target, model);
	}

	@PostMapping(path = "/{id}/edit", params = "preview")
	String previewEdit(@PathVariable Long id, @ModelAttribute("targetForm") TargetForm form, Model model) {
		return form(form, target(id), model);
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(@PathVariable Long id, @Valid @ModelAttribute("targetForm") TargetForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		NotificationTarget target = target(id);
		String url = (form.url() == null || form.url().isEmpty()) ? target.getUrl() : form.url();
		checkUrl(form, url, result);
		if (result.hasErrors()) {
			return form(form, target, model);
		}
		this.targets.update(id, form.settings(url));
		this.notifier.targetsChanged();
		redirect.addFlashAttribute("message", "Saved target '" + form.name().strip() + "'.");
		return "redirect:/notifications";
	}

	@PostMapping("/{id}/test")
	String sendTest(@PathVariable Long id, RedirectAttributes redirect) {
		NotificationTarget target = target(id);
		TargetSpec spec = TargetSpec.of(target);
		Outcome outcome = this.client.post(spec, this.notifier.render(Notice.test(this.clock.instant()), spec));
		this.targets.tested(id, outcome);
		this.notifier.targetsChanged();
		if (outcome.delivered()) {
			redirect.addFlashAttribute("message", "Test to '" + target.getName() + "': delivered.");
		}
		else {
			redirect.addFlashAttribute("errorMessage",
					"Test to '" + target.getName() + "' failed: " + outcome.describe());
		}
		return "redirect:/notifications";
	}

	@PostMapping("/{id}/rotate-secret")
	String rotateSecret(@PathVariable Long id, RedirectAttributes redirect) {
		NotificationTarget target = this.targets.rotateSecret(target(id).getId());
		this.notifier.targetsChanged();
		redirect.addFlashAttribute("message", "New signing secret for '" + target.getName()
				+ "'. Update your receiver: the old one no longer works.");
		return "redirect:/notifications";
	}

	@PostMapping("/{id}/delete")
	String deleteTarget(@PathVariable Long id, RedirectAttributes redirect) {
		NotificationTarget target = target(id);
		this.targets.delete(id);
		this.notifier.targetsChanged();
		redirect.addFlashAttribute("message", "Deleted target '" + target.getName() + "'.");
		return "redirect:/notifications";
	}

	private void checkUrl(TargetForm form, String url, BindingResult result) {
		if (form.kind() == null) {
			return;
		}
		String problem = this.urls.problem(form.kind(), url);
		if (problem != null) {
			result.rejectValue("url", "invalid", problem);
		}
		if (form.appName() != null && !form.appName().isBlank()
				&& this.catalog.findAppByName(form.appName().strip()).isEmpty()) {
			result.rejectValue("appName", "unknown", "There is no app '" + form.appName().strip() + "'.");
		}
	}

	private String form(@Nullable TargetForm submitted, @Nullable NotificationTarget target, Model model) {
		// A request the form cannot be built from (not sent by the page) starts it
		// afresh.
		TargetForm form = (submitted != null) ? submitted : TargetForm.empty();
		model.addAttribute("targetForm", form);
		model.addAttribute("target", (target != null) ? TargetRow.of(target) : null);
		model.addAttribute("kinds", TargetKind.values());
		model.addAttribute("omeDownAfter", this.omeDownAfter);
		model.addAttribute("apps", this.catalog.allApps().stream().map(App::getName).toList());
		model.addAttribute("placeholders",
				Messages.PLACEHOLDERS.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).toList());
		model.addAttribute("preview", preview(form));
		return VIEW_TARGET_FORM;
	}

	/** A go-live message as the template makes it, for the form. */
	private Preview preview(TargetForm form) {
		Notice notice = Notice.live("show", "slot-1", "Racer 1", false, "WHIP", this.clock.instant(), List.of());
		Links links = new Links("https://your.site/watch/show/slot-1", "https://your.site/call/show");
		return new Preview(Messages.text(form.template(), notice, links), Messages.title(notice),
				Messages.description(notice), String.format("#%06x", Messages.colour(notice.kind())));
	}

	private NotificationTarget target(Long id) {
		return this.targets.find(id).orElseThrow(() -> new UnknownEntityException("notification target", id));
	}

	/**
	 * A message preview.
	 *
	 * @param text the text line
	 * @param title the embed title
	 * @param description the embed description
	 * @param colour the embed colour, CSS hex
	 */
	record Preview(String text, String title, String description, String colour) {
	}

}
