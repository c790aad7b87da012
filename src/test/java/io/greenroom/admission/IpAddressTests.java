package io.greenroom.admission;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IpAddressTests {

	@ParameterizedTest(name = "{0} reads as {1}, network {2}")
	@CsvSource(delimiter = '|', textBlock = """
			203.0.113.9                              | 203.0.113.9                  | 203.0.113.0/24
			0.0.0.0                                  | 0.0.0.0                      | 0.0.0.0/24
			255.255.255.255                          | 255.255.255.255              | 255.255.255.0/24
			::ffff:198.51.100.7                      | 198.51.100.7                 | 198.51.100.0/24
			::1                                      | ::1                          | ::/64
			::                                       | ::                           | ::/64
			2001:DB8:0:0:1:0:0:1                     | 2001:db8::1:0:0:1            | 2001:db8::/64
			2001:db8:aa:bb:0:0:0:5                   | 2001:db8:aa:bb::5            | 2001:db8:aa:bb::/64
			fe80::1%eth0                             | fe80::1                      | fe80::/64
			2001:db8::                               | 2001:db8::                   | 2001:db8::/64
			1:2:3:4:5:6:7:8                          | 1:2:3:4:5:6:7:8              | 1:2:3:4::/64
			64:ff9b::192.0.2.33                      | 64:ff9b::c000:221            | 64:ff9b::/64
			""")
	void readsLiteralAddressesAndWritesTheirUsualForm(String text, String written, String network) {
		IpAddress address = IpAddress.parse(text);
		assertThat(address).isNotNull();
		assertThat(address.toString()).isEqualTo(written);
		assertThat(address.networkText()).isEqualTo(network);
		assertThat(IpAddress.parse(written)).isEqualTo(address);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "localhost", "example.org", "203.0.113", "203.0.113.9.1", "203.0.113.256",
			"203.0.113.-1", "203.0.113.9 ", " 203.0.113.9", "1.2.3.4/24", "1:2:3:4:5:6:7:8:9", "1::2::3", ":1", "1:",
			"12345::1", "::g", "1:2:3:4:5:6:7:1.2.3.4", "\u0661.2.3.4", "::\uff11", "[::1]",
			"203.0.113.9, 198.51.100.1", "aaaa:aaaa:aaaa:aaaa:aaaa:aaaa:aaaa:aaaa:aaaa:aaaa" })
	void refusesAnythingButALiteralAddress(String text) {
		assertThat(IpAddress.parse(text)).isNull();
	}

}
