package io.greenroom.account;

import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The admin login.
 *
 * @param username login name ({@code GREENROOM_ADMIN_USERNAME}, default {@code admin})
 * @param password when set, the admin password, applied at every start and not changeable
 * in the dashboard; when unset, a strong password is generated on first start and printed
 * once in the log ({@code GREENROOM_ADMIN_PASSWORD}, no default)
 */
@ConfigurationProperties("greenroom.admin")
@Validated
public record AdminProperties(
		@DefaultValue("admin") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}",
				message = "must be 1 to 64 letters, digits, '.', '_' or '-'") String username,
		@Nullable @Pattern(regexp = "|.{12,72}", message = "must be 12 to 72 characters long") String password) {

	boolean passwordFromEnvironment() {
		return this.password != null && !this.password.isEmpty();
	}

	@Override
	public String toString() {
		return "AdminProperties[username=" + this.username + ", password=<redacted>]";
	}

}
