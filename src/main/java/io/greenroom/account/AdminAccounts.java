package io.greenroom.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the admin account. On the first start without {@code GREENROOM_ADMIN_PASSWORD} it
 * generates a password, stores only its BCrypt hash and prints the password once. It runs
 * while the context starts, so the account exists before the web server takes a request.
 */
@Service
public class AdminAccounts implements UserDetailsService, InitializingBean {

	private static final Logger logger = LoggerFactory.getLogger(AdminAccounts.class);

	/** Random bytes in a generated password (144 bits, 24 characters). */
	private static final int GENERATED_PASSWORD_BYTES = 18;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AdminAccountRepository repository;

	private final AdminProperties properties;

	private final PasswordEncoder encoder;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AdminAccounts(AdminAccountRepository repository, AdminProperties properties, PasswordEncoder encoder,
			TransactionTemplate transactions, Clock clock) {
		this.repository = repository;
		this.properties = properties;
		this.encoder = encoder;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		this.transactions.executeWithoutResult((status) -> ensureAccount());
	}

	private void ensureAccount() {
		AdminAccount account = this.repository.findById(AdminAccount.ID).orElse(null);
		if (this.properties.passwordFromEnvironment()) {
			String password = this.properties.password();
			if (account == null) {
				this.repository.save(new AdminAccount(this.properties.username(), this.encoder.encode(password),
						this.clock.instant()));
			}
			else if (!this.encoder.matches(password, account.getPasswordHash())
					|| !account.getUsername().equals(this.properties.username())) {
				account.change(this.properties.username(), this.encoder.encode(password), this.clock.instant());
			}
			logger.info("Admin password is set by GREENROOM_ADMIN_PASSWORD for user '{}'", this.properties.username());
			return;
		}
		if (account == null) {
			String password = generatePassword();
			this.repository.save(
					new AdminAccount(this.properties.username(), this.encoder.encode(password), this.clock.instant()));
			printOnce(this.properties.username(), password);
			return;
		}
		if (!account.getUsername().equals(this.properties.username())) {
			account.change(this.properties.username(), account.getPasswordHash(), this.clock.instant());
		}
	}

	private static void printOnce(String username, String password) {
		String banner = """

				==================================================================
				  Greenroom created the admin account. This is shown only once.
				    user:     %s
				    password: %s
				  Log in and change it under Account, or set GREENROOM_ADMIN_PASSWORD.
				==================================================================
				""".formatted(username, password);
		logger.warn(banner);
	}

	static String generatePassword() {
		byte[] bytes = new byte[GENERATED_PASSWORD_BYTES];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		AdminAccount account = this.repository.findById(AdminAccount.ID)
			.filter((candidate) -> candidate.getUsername().equals(username))
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
		return User.withUsername(account.getUsername()).password(account.getPasswordHash()).roles("ADMIN").build();
	}

	/**
	 * Whether the dashboard may change the password (not when the environment sets it).
	 */
	public boolean passwordChangeable() {
		return !this.properties.passwordFromEnvironment();
	}

	/**
	 * Changes the password after checking the current one.
	 * @return false when the current password is wrong
	 */
	public boolean changePassword(String currentPassword, String newPassword) {
		if (!passwordChangeable()) {
			throw new IllegalStateException("The password is set by GREENROOM_ADMIN_PASSWORD");
		}
		Boolean changed = this.transactions.execute((status) -> {
			AdminAccount account = this.repository.findById(AdminAccount.ID).orElseThrow();
			if (!this.encoder.matches(currentPassword, account.getPasswordHash())) {
				return false;
			}
			account.change(account.getUsername(), this.encoder.encode(newPassword), this.clock.instant());
			return true;
		});
		if (Boolean.TRUE.equals(changed)) {
			logger.info("Admin password changed");
		}
		else {
			logger.warn("Admin password change refused: current password did not match");
		}
		return Boolean.TRUE.equals(changed);
	}

}
