package io.greenroom.web.admin;

import java.util.List;

import io.greenroom.layout.InvalidLayoutException;
import io.greenroom.layout.Layout;
import io.greenroom.layout.LayoutProblem;
import io.greenroom.layout.Layouts;
import io.greenroom.stream.App;
import io.greenroom.stream.DuplicateNameException;
import io.greenroom.stream.StreamCatalog;
import io.greenroom.web.NotFoundException;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creates layouts and runs the layout editor: a scaled canvas to drag and resize boxes
 * on, over a form of exact numbers that is what gets saved.
 */
@Controller
class LayoutEditorController {

	static final String VIEW_LAYOUT_EDITOR = "admin/layouts/layoutEditor";

	/**
	 * The most rows a posted layout form may index; past it the binder refuses the form
	 * (400) instead of growing a list to any index a tampered request names.
	 */
	static final int MAX_ROWS = 1000;

	private final StreamCatalog catalog;

	private final Layouts layouts;

	LayoutEditorController(StreamCatalog catalog, Layouts layouts) {
		this.catalog = catalog;
		this.layouts = layouts;
	}

	@PostMapping("/apps/{appId}/layouts")
	String processCreation(@PathVariable Long appId, @RequestParam(defaultValue = "") String name,
			RedirectAttributes redirect) {
		app(appId);
		try {
			Layout layout = this.layouts.create(appId, name.strip());
			redirect.addFlashAttribute("message",
					"Created layout '" + layout.getName() + "'. Pick a preset or place slots, then save.");
			return "redirect:/apps/" + appId + "/layouts/" + layout.getId();
		}
		catch (InvalidLayoutException | DuplicateNameException ex) {
			redirect.addFlashAttribute("layoutName", name);
			redirect.addFlashAttribute("layoutNameError", "Layout not created: " + ex.getMessage());
			return "redirect:/apps/" + appId + "#layouts";
		}
	}

	@GetMapping("/apps/{appId}/layouts/{layoutId}")
	String initEditor(@PathVariable Long appId, @PathVariable Long layoutId, Model model) {
		App app = app(appId);
		Layout layout = layout(appId, layoutId);
		model.addAttribute("layoutForm", LayoutForm.of(layout, this.catalog.listSlots(appId)));
		return editor(app, layout, model);
	}

	@InitBinder("layoutForm")
	void initLayoutBinder(WebDataBinder binder) {
		binder.setAutoGrowCollectionLimit(MAX_ROWS);
	}

	@PostMapping("/apps/{appId}/layouts/{layoutId}")
	String processEditor(@PathVariable Long appId, @PathVariable Long layoutId,
			@Valid @ModelAttribute("layoutForm") LayoutForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		App app = app(appId);
		Layout layout = layout(appId, layoutId);
		form.requireOfferedRows();
		if (result.hasErrors()) {
			return editor(app, layout, model);
		}
		try {
			Layout saved = this.layouts.save(appId, layoutId, form.toDraft());
			redirect.addFlashAttribute("message", "Saved layout '" + saved.getName() + "' with "
					+ saved.getBoxes().size() + " slot(s). Open layout pages rearrange themselves now.");
			return "redirect:/apps/" + appId + "/layouts/" + layoutId;
		}
		catch (DuplicateNameException ex) {
			result.rejectValue("name", "duplicate", ex.getMessage());
		}
		catch (InvalidLayoutException ex) {
			reject(form, ex.getProblems(), result);
		}
		return editor(app, layout, model);
	}

	@PostMapping("/apps/{appId}/layouts/{layoutId}/delete")
	String processDelete(@PathVariable Long appId, @PathVariable Long layoutId, RedirectAttributes redirect) {
		app(appId);
		Layout layout = layout(appId, layoutId);
		this.layouts.delete(appId, layoutId);
		redirect.addFlashAttribute("message", "Deleted layout '" + layout.getName()
				+ "'. An OBS BrowserSource still pointing at it now shows a 'not found' page.");
		return "redirect:/apps/" + appId + "#layouts";
	}

	private static void reject(LayoutForm form, List<LayoutProblem> problems, BindingResult result) {
		for (LayoutProblem problem : problems) {
			String field = "backgroundColor".equals(problem.field()) ? "color" : problem.field();
			String path = (problem.slotId() != null) ? form.rowPath(problem.slotId(), field) : field;
			if (path != null) {
				result.rejectValue(path, "layout", problem.message());
			}
			else {
				result.reject("layout", problem.message());
			}
		}
	}

	private String editor(App app, Layout layout, Model model) {
		model.addAttribute("app", app);
		model.addAttribute("layout", layout);
		return VIEW_LAYOUT_EDITOR;
	}

	private App app(Long appId) {
		return this.catalog.findApp(appId).orElseThrow(() -> new NotFoundException("No app " + appId));
	}

	private Layout layout(Long appId, Long layoutId) {
		return this.layouts.find(appId, layoutId)
			.orElseThrow(() -> new NotFoundException("No layout " + layoutId + " in app " + appId));
	}

}
