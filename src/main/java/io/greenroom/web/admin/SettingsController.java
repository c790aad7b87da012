package io.greenroom.web.admin;

import io.greenroom.backup.DatabaseBackup;
import io.greenroom.publish.PublishEndpoints;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Shows the settings in force, read-only, with the environment variable for each.
 */
@Controller
class SettingsController {

	static final String VIEW_SETTINGS = "admin/settings";

	private final Environment environment;

	private final PublishEndpoints endpoints;

	private final DatabaseBackup backup;

	SettingsController(Environment environment, PublishEndpoints endpoints, DatabaseBackup backup) {
		this.environment = environment;
		this.endpoints = endpoints;
		this.backup = backup;
	}

	@GetMapping("/settings")
	String showSettings(Model model) {
		model.addAttribute("settings",
				ConfigurationSettings.ALL.stream()
					.map((setting) -> new SettingRow(setting, setting.currentValue(this.environment)))
					.toList());
		model.addAttribute("localHost", this.endpoints.hostIsLocalOnly() ? this.endpoints.host() : null);
		model.addAttribute("exampleWhip", this.endpoints.whipUrl("APP", "SLOT", "SECRET"));
		model.addAttribute("exampleRtmp", this.endpoints.rtmpServer("APP"));
		model.addAttribute("examplePlay", this.endpoints.playUrl("APP", "SLOT"));
		model.addAttribute("backupAvailable", this.backup.available());
		return VIEW_SETTINGS;
	}

	record SettingRow(ConfigurationSettings.Setting setting, String value) {
	}

}
