package io.greenroom.web.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationSettingsTests {

	@Test
	void readmeListsEverySettingWithItsEnvironmentVariableAndDefault() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		for (ConfigurationSettings.Setting setting : ConfigurationSettings.ALL) {
			assertThat(readme).as(setting.property())
				.contains("| `" + setting.environmentVariable() + "` | `" + setting.defaultValue() + "` |")
				.contains("| `" + setting.environmentVariable() + "` | `" + setting.defaultValue() + "`");
		}
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
