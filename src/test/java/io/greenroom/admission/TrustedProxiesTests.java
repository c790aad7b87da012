package io.greenroom.admission;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrustedProxiesTests {

	private final TrustedProxies proxies = new TrustedProxies(
			List.of("127.0.0.0/8", "::1", "172.29.213.0/24", "192.0.2.10", "2001:db8:100::/40", " 10.1.0.0/16 "));

	@ParameterizedTest(name = "{0} trusted: {1}")
	@CsvSource(textBlock = """
			127.0.0.1,        true
			127.255.0.3,      true
			128.0.0.1,        false
			::1,              true
			::2,              false
			172.29.213.4,     true
			172.29.214.4,     false
			172.18.0.5,       false
			192.0.2.10,       true
			192.0.2.11,       false
			::ffff:192.0.2.10, true
			2001:db8:100::1,  true
			2001:db8:1ff:ffff:ffff:ffff:ffff:ffff, true
			2001:db8:200::1,  false
			10.1.255.255,     true
			10.2.0.1,         false
			""")
	void matchesAddressesAndBlocksOfBothFamilies(String peer, boolean trusted) {
		assertThat(this.proxies.trusts(IpAddress.parse(peer))).isEqualTo(trusted);
	}

	@Test
	void anIpv4BlockNeverCoversIpv6AddressesNorTheOtherWayRound() {
		TrustedProxies everyIpv4 = new TrustedProxies(List.of("0.0.0.0/0"));
		assertThat(everyIpv4.trusts(IpAddress.parse("203.0.113.1"))).isTrue();
		assertThat(everyIpv4.trusts(IpAddress.parse("2001:db8::1"))).isFalse();
		TrustedProxies everyIpv6 = new TrustedProxies(List.of("2000::/3"));
		assertThat(everyIpv6.trusts(IpAddress.parse("2001:db8::1"))).isTrue();
		assertThat(everyIpv6.trusts(IpAddress.parse("203.0.113.1"))).isFalse();
	}

	@Test
	void anEmptyListTrustsNoOne() {
		TrustedProxies none = new TrustedProxies(List.of(""));
		assertThat(none.trusts(IpAddress.parse("127.0.0.1"))).isFalse();
		assertThat(none.trusts(null)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "10.0.0.0/33", "::1/129", "10.0.0.0/", "10.0.0.0/8/8", "10.0.0.0/-1",
			"10.0.0/8", "caddy" })
	void refusesAMalformedEntryNamingTheSettingAndTheExpectedForm(String entry) {
		assertThatIllegalArgumentException().isThrownBy(() -> new TrustedProxies(List.of("127.0.0.0/8", entry)))
			.withMessageStartingWith("greenroom.admission.trusted-proxies (GREENROOM_ADMISSION_TRUSTED_PROXIES): '"
					+ entry + "' is not an IP address or CIDR block")
			.withMessageContaining("such as 127.0.0.0/8,::1,")
			.withMessageNotContaining("\n");
	}

	@Test
	void blamesTheRealIpOnlyWhenATrustedProxyPassedItOn() {
		assertThat(this.proxies.origin(client("172.29.213.3", "198.51.100.9")))
			.isEqualTo(new TrustedProxies.Origin("198.51.100.9", "198.51.100.9"));
		assertThat(this.proxies.origin(client("203.0.113.50", "198.51.100.9")))
			.isEqualTo(new TrustedProxies.Origin("203.0.113.50", "claimed 198.51.100.9"));
	}

	@Test
	void blamesThePeerWhenRealIpIsMissingOrItself() {
		assertThat(this.proxies.origin(client("203.0.113.50", null)))
			.isEqualTo(new TrustedProxies.Origin("203.0.113.50", null));
		assertThat(this.proxies.origin(client("203.0.113.50", "203.0.113.50")))
			.isEqualTo(new TrustedProxies.Origin("203.0.113.50", "203.0.113.50"));
		assertThat(this.proxies.origin(client("127.0.0.1", "127.0.0.1")))
			.isEqualTo(new TrustedProxies.Origin("127.0.0.1", "127.0.0.1"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "unknown", "198.51.100.9, 203.0.113.1", "198.51.100.9:4000", "not\nan address",
			"1111111111111111111111111111111111111111111111111111111111111111111111" })
	void ignoresAMalformedRealIpEvenFromATrustedProxy(String realIp) {
		assertThat(this.proxies.origin(client("127.0.0.1", realIp)))
			.isEqualTo(new TrustedProxies.Origin("127.0.0.1", null));
		assertThat(this.proxies.origin(client("203.0.113.50", realIp)))
			.isEqualTo(new TrustedProxies.Origin("203.0.113.50", null));
	}

	@Test
	void blamesAnIpv6AddressByItsSlash64() {
		assertThat(this.proxies.origin(client("::1", "2001:db8:aa:bb::1234")))
			.isEqualTo(new TrustedProxies.Origin("2001:db8:aa:bb::/64", "2001:db8:aa:bb::1234"));
		assertThat(this.proxies.origin(client("2001:db8:aa:bb:1:2:3:4", null)).blamed())
			.isEqualTo("2001:db8:aa:bb::/64");
		assertThat(this.proxies.origin(client("::ffff:203.0.113.7", null)).blamed()).isEqualTo("203.0.113.7");
	}

	private static AdmissionRequest.Client client(String address, String realIp) {
		return new AdmissionRequest.Client(address, 40000, realIp, null);
	}

}
