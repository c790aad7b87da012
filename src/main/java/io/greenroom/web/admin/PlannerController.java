package io.greenroom.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The bandwidth planner. A plain GET form, so a plan can be bookmarked or sent to a
 * colleague.
 */
@Controller
class PlannerController {

	static final String VIEW_PLANNER = "admin/planner";

	@GetMapping("/planner")
	String plan(@Valid @ModelAttribute("planForm") PlanForm form, BindingResult result, HttpServletRequest request,
			Model model) {
		if (request.getParameterMap().isEmpty()) {
			PlanForm example = PlanForm.example();
			model.addAttribute("planForm", example);
			model.addAttribute("plan", example.plan());
			return VIEW_PLANNER;
		}
		if (!result.hasErrors()) {
			model.addAttribute("plan", form.plan());
		}
		return VIEW_PLANNER;
	}

}
