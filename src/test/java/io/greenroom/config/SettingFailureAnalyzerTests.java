package io.greenroom.config;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.greenroom.GreenroomInstance;
import io.greenroom.account.AdminProperties;
import io.greenroom.admission.AdmissionProperties;
import io.greenroom.ome.OmeProperties;
import io.greenroom.publish.PublicProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Every setting with a malformed value stops the start with one line that names its
 * environment variable and property and says what form it takes, without the value and
 * without a stack trace. The application binds Greenroom's settings records, Spring's
 * server settings and the data source as Greenroom does, without the rest of the context.
 * Settings that take any text (paths, commands, database user and password) have no
 * malformed value and are not listed.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingFailureAnalyzerTests {

	@TempDir
	Path data;

	static Stream<Arguments> malformedSettings() {
		return Stream.of(row("server.port", "SERVER_PORT", "eighty", "must be a whole number"),
				row("greenroom.public.host", "GREENROOM_PUBLIC_HOST", "https://live.example.org",
						"must be a host name or IPv4 address"),
				row("greenroom.public.tls-proxy", "GREENROOM_PUBLIC_TLS_PROXY", "maybe", "must be true or false"),
				row("greenroom.public.https-port", "GREENROOM_PUBLIC_HTTPS_PORT", "0",
						"must be greater than or equal to 1"),
				row("greenroom.public.signalling-path", "GREENROOM_PUBLIC_SIGNALLING_PATH", "ome",
						"must start with '/'"),
				row("greenroom.public.signalling-port", "GREENROOM_PUBLIC_SIGNALLING_PORT", "70000",
						"must be less than or equal to 65535"),
				row("greenroom.public.rtmp-port", "GREENROOM_PUBLIC_RTMP_PORT", "rtmp", "must be a whole number"),
				row("greenroom.public.edge-hosts[1]", "GREENROOM_PUBLIC_EDGE_HOSTS", "edge-1.example.org,wss://edge-2",
						"must be host names separated by commas"),
				row("greenroom.ome.ice-host", "GREENROOM_OME_ICE_HOST", "two words",
						"must be * or an IP address or host name"),
				row("greenroom.ome.ice-ports", "GREENROOM_OME_ICE_PORTS", "10000", "must look like 10000-10004/udp"),
				row("greenroom.ome.tcp-relay-port", "GREENROOM_OME_TCP_RELAY_PORT", "turn", "must be a whole number"),
				row("greenroom.ome.tcp-force", "GREENROOM_OME_TCP_FORCE", "sometimes", "must be true or false"),
				row("greenroom.ome.api-port", "GREENROOM_OME_API_PORT", "0", "must be greater than or equal to 1"),
				row("greenroom.ome.api-url", "GREENROOM_OME_API_URL", "ome:8081", "must be an http:// or https:// URL"),
				row("greenroom.ome.admission-url", "GREENROOM_OME_ADMISSION_URL", "greenroom/ome/admission",
						"must be an http:// or https:// URL"),
				row("greenroom.ome.admission-timeout-ms", "GREENROOM_OME_ADMISSION_TIMEOUT_MS", "3s",
						"must be a whole number"),
				row("greenroom.ome.admission-timeout-ms", "GREENROOM_OME_ADMISSION_TIMEOUT_MS", "10",
						"must be greater than or equal to 100"),
				row("greenroom.ome.edges", "GREENROOM_OME_EDGES", "2", "must be true or false"),
				row("greenroom.admission.max-wrong-keys", "GREENROOM_ADMISSION_MAX_WRONG_KEYS", "0",
						"must be greater than or equal to 1"),
				row("greenroom.admission.window", "GREENROOM_ADMISSION_WINDOW", "a minute",
						"must be a duration such as 30s, 5m or 1h"),
				row("greenroom.admission.cool-down", "GREENROOM_ADMISSION_COOL_DOWN", "5 minutes",
						"must be a duration such as 30s, 5m or 1h"),
				row("greenroom.admission.max-tracked-addresses", "GREENROOM_ADMISSION_MAX_TRACKED_ADDRESSES", "lots",
						"must be a whole number"),
				row("greenroom.admin.username", "GREENROOM_ADMIN_USERNAME", "the admin",
						"must be 1 to 64 letters, digits"),
				row("greenroom.admin.password", "GREENROOM_ADMIN_PASSWORD", "Sh0rtPw", "must be 12 to 72 characters"),
				row("spring.datasource.url", "GREENROOM_DB_URL", "postgres://db-host/greenroom",
						"must be a JDBC URL such as jdbc:h2:file:"));
	}

	private static Arguments row(String property, String variable, String value, String rule) {
		return Arguments.of(property, variable, value, rule);
	}

	@ParameterizedTest(name = "{1}={2}")
	@MethodSource("malformedSettings")
	void stopsTheStartWithOneLineNamingTheSettingAndItsForm(String property, String variable, String value, String rule,
			CapturedOutput output) {
		String bound = property.replaceAll("\\[\\d+]$", "");
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(Settings.class).web(WebApplicationType.NONE)
			.run("--" + bound + "=" + value, "--spring.main.banner-mode=off"));
		List<String> lines = output.getOut().lines().filter((line) -> line.contains(" is not valid: ")).toList();
		assertThat(lines).singleElement()
			.satisfies((line) -> assertThat(line)
				.contains("Setting " + variable + " (" + property + ") is not valid: it " + rule));
		assertThat(output.getAll()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception:");
		assertThat(output.getAll()).as("the value is not repeated")
			.doesNotContain("\"" + value + "\"")
			.doesNotContain("[" + value + "]");
	}

	@Test
	void greenroomItselfStopsWithTheSameLine(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> GreenroomInstance.startWithH2File(this.data, "greenroom.admin.password=Sh0rtPw"));
		assertThat(output.getOut().lines().filter((line) -> line.contains(" is not valid: ")).toList()).containsExactly(
				"Setting GREENROOM_ADMIN_PASSWORD (greenroom.admin.password) is not valid: it must be 12 to 72 characters long.");
		assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("Sh0rtPw");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ ServerProperties.class, PublicProperties.class, OmeProperties.class,
			AdmissionProperties.class, AdminProperties.class })
	@ImportAutoConfiguration({ ValidationAutoConfiguration.class, DataSourceAutoConfiguration.class })
	static class Settings {

	}

}
