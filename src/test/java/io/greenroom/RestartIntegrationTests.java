package io.greenroom;

import java.nio.file.Files;
import java.nio.file.Path;

import io.greenroom.account.AdminAccounts;
import io.greenroom.stream.App;
import io.greenroom.stream.AppSummary;
import io.greenroom.stream.Slot;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts Greenroom on an H2 file, writes, stops it, starts it again on the same file and
 * reads back: what a power cut between two events must not lose.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartIntegrationTests {

	@TempDir
	Path data;

	@Test
	void keepsAppsSlotsSecretsAndTheAdminAccountAcrossARestart(CapturedOutput output) {
		Long appId;
		Long slotId;
		String secret;
		try (GreenroomInstance first = GreenroomInstance.startWithH2File(this.data)) {
			StreamCatalog catalog = first.bean(StreamCatalog.class);
			App show = catalog.createApp("show");
			Slot slot = catalog.createSlot(show.getId(), new SlotDraft("slot-1", "Racer 1", 3000, true));
			catalog.rotateSecret(show.getId(), slot.getId());
			appId = show.getId();
			slotId = slot.getId();
			secret = catalog.findSlot(appId, slotId).orElseThrow().getPublishSecret().value();
		}
		String password = GreenroomInstance.generatedAdminPassword(output);
		assertThat(Files.exists(this.data.resolve("greenroom.mv.db"))).isTrue();

		try (GreenroomInstance second = GreenroomInstance.startWithH2File(this.data)) {
			StreamCatalog catalog = second.bean(StreamCatalog.class);
			assertThat(catalog.listApps()).containsExactly(new AppSummary(appId, "show", 1));
			Slot slot = catalog.findSlot(appId, slotId).orElseThrow();
			assertThat(slot.getName()).isEqualTo("slot-1");
			assertThat(slot.getDisplayName()).isEqualTo("Racer 1");
			assertThat(slot.getBitrateKbps()).isEqualTo(3000);
			assertThat(slot.getPublishSecret().value()).isEqualTo(secret);

			UserDetails admin = second.bean(AdminAccounts.class).loadUserByUsername("admin");
			assertThat(second.bean(PasswordEncoder.class).matches(password, admin.getPassword())).isTrue();
		}
		assertThat(output.getOut()).as("the password is printed on the first start only")
			.containsOnlyOnce("Greenroom created the admin account");
		assertThat(output.getAll()).as("publish secrets never reach the log").doesNotContain(secret);
	}

	@Test
	void storesOnlyABcryptHashOfTheGeneratedPassword(CapturedOutput output) {
		try (GreenroomInstance instance = GreenroomInstance.startWithH2File(this.data)) {
			String password = GreenroomInstance.generatedAdminPassword(output);
			assertThat(password).hasSizeGreaterThanOrEqualTo(24);
			String stored = instance.bean(JdbcTemplate.class)
				.queryForObject("select password_hash from admin_account", String.class);
			assertThat(stored).startsWith("$2a$").doesNotContain(password);
		}
	}

	@Test
	void appliesThePasswordFromTheEnvironmentAtEveryStart(CapturedOutput output) {
		try (GreenroomInstance first = GreenroomInstance.startWithH2File(this.data,
				"greenroom.admin.password=first-password-123")) {
			assertThat(matches(first, "first-password-123")).isTrue();
			assertThat(first.bean(AdminAccounts.class).passwordChangeable()).isFalse();
		}
		try (GreenroomInstance second = GreenroomInstance.startWithH2File(this.data,
				"greenroom.admin.password=second-password-456")) {
			assertThat(matches(second, "second-password-456")).isTrue();
			assertThat(matches(second, "first-password-123")).isFalse();
		}
		assertThat(output.getOut()).doesNotContain("Greenroom created the admin account")
			.doesNotContain("first-password-123")
			.doesNotContain("second-password-456");
	}

	@Test
	void changingThePasswordInTheDashboardSurvivesARestart(CapturedOutput output) {
		try (GreenroomInstance first = GreenroomInstance.startWithH2File(this.data)) {
			String generated = GreenroomInstance.generatedAdminPassword(output);
			AdminAccounts accounts = first.bean(AdminAccounts.class);
			assertThat(accounts.changePassword("not-the-password", "chosen-password-789")).isFalse();
			assertThat(accounts.changePassword(generated, "chosen-password-789")).isTrue();
		}
		try (GreenroomInstance second = GreenroomInstance.startWithH2File(this.data)) {
			assertThat(matches(second, "chosen-password-789")).isTrue();
		}
		assertThat(output.getOut()).doesNotContain("chosen-password-789");
	}

	private static boolean matches(GreenroomInstance instance, String password) {
		UserDetails admin = instance.bean(AdminAccounts.class).loadUserByUsername("admin");
		return instance.bean(PasswordEncoder.class).matches(password, admin.getPassword());
	}

}
