package io.greenroom.web.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationSettingsTests {

	private static final Path CONFIGURATION_PAGE = Path.of("docs", "configuration.md");

	@Test
	void configurationPageListsEverySettingWithItsVariableAndDefault() throws IOException {
		String page = Files.readString(CONFIGURATION_PAGE);
		for (ConfigurationSettings.Setting setting : ConfigurationSettings.ALL) {
			assertThat(page).as(setting.property())
				.contains("| `" + setting.property() + "` | `" + setting.environmentVariable() + "` | `"
						+ setting.defaultValue() + "` | ");
		}
	}

	@Test
	void configurationPageListsNoSettingGreenroomDoesNotHave() throws IOException {
		Set<String> known = new HashSet<>();
		for (ConfigurationSettings.Setting setting : ConfigurationSettings.ALL) {
			known.add(setting.property());
		}
		Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9.-]+)` \\| `[A-Z0-9_]+` \\|")
			.matcher(Files.readString(CONFIGURATION_PAGE));
		List<String> documented = new ArrayList<>();
		while (row.find()) {
			documented.add(row.group(1));
		}
		assertThat(documented).hasSize(ConfigurationSettings.ALL.size())
			.allSatisfy((property) -> assertThat(known).contains(property));
	}

	@Test
	void everyEnvironmentVariableSetsItsProperty() throws IOException {
		Map<String, Object> variables = new HashMap<>();
		for (ConfigurationSettings.Setting setting : ConfigurationSettings.ALL) {
			variables.put(setting.environmentVariable(), "from-env-" + setting.environmentVariable());
		}
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		for (PropertySource<?> source : new PropertiesPropertySourceLoader().load("application",
				new ClassPathResource("application.properties"))) {
			environment.getPropertySources().addLast(source);
		}
		ConfigurationPropertySources.attach(environment);
		for (ConfigurationSettings.Setting setting : ConfigurationSettings.ALL) {
			assertThat(environment.getProperty(setting.property())).as(setting.environmentVariable())
				.isEqualTo("from-env-" + setting.environmentVariable());
		}
	}

	@Test
	void applicationPropertiesReadTheDatabaseVariables() throws IOException {
		String properties = Files.readString(Path.of("src/main/resources/application.properties"));
		assertThat(properties).contains("${GREENROOM_DB_URL:jdbc:h2:file:./data/greenroom;CACHE_SIZE=2048}")
			.contains("${GREENROOM_DB_USERNAME:sa}")
			.contains("${GREENROOM_DB_PASSWORD:}");
	}

}
