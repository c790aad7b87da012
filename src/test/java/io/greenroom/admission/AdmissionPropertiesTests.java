package io.greenroom.admission;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(WithAdmissionProperties.class);

	@Test
	void trustsLoopbackAndTheComposeNetworkByDefault() {
		this.runner.run((context) -> assertThat(context.getBean(AdmissionProperties.class).trustedProxies())
			.containsExactly("127.0.0.0/8", "::1", AdmissionProperties.COMPOSE_NETWORK));
	}

	@Test
	void readsACommaSeparatedListAsTheEnvironmentVariableGivesIt() {
		this.runner.withPropertyValues("greenroom.admission.trusted-proxies=10.0.0.7, 2001:db8::/32")
			.run((context) -> assertThat(context.getBean(AdmissionProperties.class).trustedProxies())
				.containsExactly("10.0.0.7", "2001:db8::/32"));
	}

	@Test
	void anEmptySettingTrustsNoOne() {
		this.runner.withPropertyValues("greenroom.admission.trusted-proxies=").run((context) -> {
			AdmissionProperties properties = context.getBean(AdmissionProperties.class);
			assertThat(new TrustedProxies(properties.trustedProxies()).trusts(IpAddress.parse("127.0.0.1"))).isFalse();
		});
	}

	@Test
	void aMalformedEntryStopsStartUpNamingTheSettingAndTheExpectedForm() {
		this.runner.withPropertyValues("greenroom.admission.trusted-proxies=127.0.0.1,caddy:443").run((context) -> {
			assertThat(context).hasFailed();
			Throwable cause = context.getStartupFailure();
			while (cause.getCause() != null) {
				cause = cause.getCause();
			}
			assertThat(cause).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("greenroom.admission.trusted-proxies (GREENROOM_ADMISSION_TRUSTED_PROXIES): 'caddy:443' is"
						+ " not an IP address or CIDR block; expected a comma-separated list such as"
						+ " 127.0.0.0/8,::1,172.29.213.0/24,2001:db8::/32");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AdmissionProperties.class)
	static class WithAdmissionProperties {

	}

}
