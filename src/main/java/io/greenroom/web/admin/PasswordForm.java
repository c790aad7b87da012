package io.greenroom.web.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The change-password form.
 *
 * @param currentPassword the password in use now
 * @param newPassword the new password
 * @param confirmPassword the new password again
 */
record PasswordForm(@NotBlank(message = "Enter your current password.") String currentPassword,
		@NotBlank(message = "Enter a new password.") @Size(min = 12, max = 72,
				message = "Use 12 to 72 characters.") String newPassword,
		String confirmPassword) {

	static PasswordForm empty() {
		return new PasswordForm("", "", "");
	}

	@Override
	public String toString() {
		return "PasswordForm[<redacted>]";
	}

}
