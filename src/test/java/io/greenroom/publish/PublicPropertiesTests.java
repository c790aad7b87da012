package io.greenroom.publish;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class PublicPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Config.class);

	@Test
	void defaultsGoThroughCaddyOnLocalhost() {
		this.runner.run((context) -> {
			PublicProperties properties = context.getBean(PublicProperties.class);
			assertThat(properties.host()).isEqualTo("localhost");
			assertThat(properties.tlsProxy()).isTrue();
			assertThat(properties.httpsPort()).isEqualTo(443);
			assertThat(properties.signallingPath()).isEqualTo("/ome");
			assertThat(properties.signallingPort()).isEqualTo(3333);
			assertThat(properties.rtmpPort()).isEqualTo(1935);
			assertThat(properties.edgeHosts()).isEmpty();
		});
	}

	@Test
	void readsEdgeHostsAsACommaSeparatedListAndAnEmptyValueAsNone() {
		this.runner.withPropertyValues("greenroom.public.edge-hosts=edge-1.example.org,edge-2.example.org")
			.run((context) -> assertThat(context.getBean(PublicProperties.class).edgeHosts())
				.containsExactly("edge-1.example.org", "edge-2.example.org"));
		this.runner.withPropertyValues("greenroom.public.edge-hosts=")
			.run((context) -> assertThat(context.getBean(PublicProperties.class).edgeHosts()).isEmpty());
	}

	@Test
	void rejectsAnEdgeHostWithASchemeAtStartup() {
		this.runner.withPropertyValues("greenroom.public.edge-hosts=edge-1.example.org,wss://edge-2.example.org")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("greenroom.public")
					.hasMessageContaining("edgeHosts[1]")
					.hasMessageContaining("must be host names separated by commas");
			});
	}

	@Test
	void rejectsAHostWithASchemeAtStartup() {
		this.runner.withPropertyValues("greenroom.public.host=https://live.example.org").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("greenroom.public.host")
				.hasMessageContaining("must be a host name");
		});
	}

	@Test
	void rejectsAPortOutOfRangeAtStartup() {
		this.runner.withPropertyValues("greenroom.public.rtmp-port=70000").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("greenroom.public.rtmp-port");
		});
	}

	@Test
	void rejectsASignallingPathWithoutLeadingSlash() {
		this.runner.withPropertyValues("greenroom.public.signalling-path=ome").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("greenroom.public.signalling-path");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PublicProperties.class)
	static class Config {

	}

	@ParameterizedTest
	@CsvSource({ "localhost, true", "127.0.0.1, true", "10.1.2.3, true", "192.168.1.20, true", "172.20.0.5, true",
			"169.254.1.1, true", "0.0.0.0, true", "greenroom, true", "box.local, true", "app.localhost, true",
			"live.example.org, false", "203.0.113.7, false", "172.32.0.1, false" })
	void knowsAHostOnlyThisMachineOrNetworkCanReach(String host, boolean localOnly) {
		assertThat(new PublicProperties(host, true, 443, "/ome", 3333, 1935, List.of()).hostIsLocalOnly())
			.isEqualTo(localOnly);
	}

}
