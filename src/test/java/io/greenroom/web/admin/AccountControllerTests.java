package io.greenroom.web.admin;

import io.greenroom.account.AdminAccounts;
import io.greenroom.admission.LivePublishers;
import io.greenroom.config.PasswordConfiguration;
import io.greenroom.config.SecurityConfiguration;
import io.greenroom.ome.OmeConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(AccountController.class)
@Import({ SecurityConfiguration.class, PasswordConfiguration.class })
@WithMockUser
class AccountControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private OmeConfiguration omeConfiguration;

	@MockitoBean
	private LivePublishers live;

	@MockitoBean
	private AdminAccounts accounts;

	@Test
	@WithAnonymousUser
	void showsTheLoginPageToAnyone() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(view().name(AccountController.VIEW_LOGIN))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void changesThePassword() throws Exception {
		given(this.accounts.passwordChangeable()).willReturn(true);
		given(this.accounts.changePassword("old-password-1", "new-password-12")).willReturn(true);
		this.mvc
			.perform(post("/account/password").with(csrf())
				.param("currentPassword", "old-password-1")
				.param("newPassword", "new-password-12")
				.param("confirmPassword", "new-password-12"))
			.andExpect(redirectedUrl("/apps"));
		verify(this.accounts).changePassword("old-password-1", "new-password-12");
	}

	@Test
	void refusesAShortNewPassword() throws Exception {
		given(this.accounts.passwordChangeable()).willReturn(true);
		this.mvc
			.perform(post("/account/password").with(csrf())
				.param("currentPassword", "old-password-1")
				.param("newPassword", "short")
				.param("confirmPassword", "short"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("passwordForm", "newPassword"))
			.andExpect(content().string(containsString("Use 12 to 72 characters")));
		verify(this.accounts, never()).changePassword(any(), any());
	}

	@Test
	void refusesMismatchedConfirmation() throws Exception {
		given(this.accounts.passwordChangeable()).willReturn(true);
		this.mvc
			.perform(post("/account/password").with(csrf())
				.param("currentPassword", "old-password-1")
				.param("newPassword", "new-password-12")
				.param("confirmPassword", "new-password-13"))
			.andExpect(model().attributeHasFieldErrorCode("passwordForm", "confirmPassword", "mismatch"));
		verify(this.accounts, never()).changePassword(any(), any());
	}

	@Test
	void refusesAWrongCurrentPassword() throws Exception {
		given(this.accounts.passwordChangeable()).willReturn(true);
		given(this.accounts.changePassword(any(), any())).willReturn(false);
		this.mvc
			.perform(post("/account/password").with(csrf())
				.param("currentPassword", "guess")
				.param("newPassword", "new-password-12")
				.param("confirmPassword", "new-password-12"))
			.andExpect(model().attributeHasFieldErrorCode("passwordForm", "currentPassword", "wrong"))
			.andExpect(content().string(containsString("not the current password")));
	}

	@Test
	void explainsThatAnEnvironmentPasswordCannotBeChangedHere() throws Exception {
		given(this.accounts.passwordChangeable()).willReturn(false);
		this.mvc.perform(get("/account/password"))
			.andExpect(content().string(containsString("GREENROOM_ADMIN_PASSWORD")));
		this.mvc
			.perform(post("/account/password").with(csrf())
				.param("currentPassword", "old-password-1")
				.param("newPassword", "new-password-12")
				.param("confirmPassword", "new-password-12"))
			.andExpect(status().isOk());
		verify(this.accounts, never()).changePassword(any(), any());
	}

	@Test
	void refusesAPasswordChangeWithoutCsrfToken() throws Exception {
		this.mvc
			.perform(post("/account/password").param("currentPassword", "a")
				.param("newPassword", "new-password-12")
				.param("confirmPassword", "new-password-12"))
			.andExpect(status().isForbidden());
		verify(this.accounts, never()).changePassword(any(), any());
	}

}
