package io.greenroom.web.admin;

import io.greenroom.account.AdminAccounts;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The login page and the admin's password change.
 */
@Controller
class AccountController {

	static final String VIEW_LOGIN = "account/login";

	static final String VIEW_PASSWORD_FORM = "account/passwordForm";

	private final AdminAccounts accounts;

	AccountController(AdminAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/login")
	String showLogin() {
		return VIEW_LOGIN;
	}

	@GetMapping("/account/password")
	String initPasswordForm(Model model) {
		model.addAttribute("passwordForm", PasswordForm.empty());
		model.addAttribute("changeable", this.accounts.passwordChangeable());
		return VIEW_PASSWORD_FORM;
	}

	@PostMapping("/account/password")
	String processPasswordForm(@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("changeable", this.accounts.passwordChangeable());
		if (!this.accounts.passwordChangeable()) {
			result.reject("managed", "The password is set by GREENROOM_ADMIN_PASSWORD. Change it there and restart.");
			return VIEW_PASSWORD_FORM;
		}
		if (!result.hasFieldErrors("newPassword") && !form.newPassword().equals(form.confirmPassword())) {
			result.rejectValue("confirmPassword", "mismatch", "The two new passwords differ.");
		}
		if (result.hasErrors()) {
			return VIEW_PASSWORD_FORM;
		}
		if (!this.accounts.changePassword(form.currentPassword(), form.newPassword())) {
			result.rejectValue("currentPassword", "wrong", "That is not the current password.");
			return VIEW_PASSWORD_FORM;
		}
		redirect.addFlashAttribute("message", "Password changed. Use the new one next time you log in.");
		return "redirect:/apps";
	}

}
