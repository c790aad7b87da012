package io.greenroom.check;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import io.greenroom.check.AdvertisedAddress.Kind;
import io.greenroom.check.AdvertisedAddress.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AdvertisedAddressesTests {

	private static final Set<InetAddress> PUBLIC_HOST = Set.of(ip("203.0.113.10"));

	@Test
	void readsTheCandidateAndTheTurnRelayOfACapturedAnswer() throws IOException {
		List<AdvertisedAddress> found = AdvertisedAddresses.read(resource("whip-201.sdp"), links(), PUBLIC_HOST);
		assertThat(found).containsExactly(
				new AdvertisedAddress(Kind.ICE_CANDIDATE, "127.0.0.1", 10001, "udp", Verdict.LOOPBACK),
				new AdvertisedAddress(Kind.TCP_RELAY, "127.0.0.1", 3478, "tcp", Verdict.LOOPBACK));
		assertThat(found).allMatch(AdvertisedAddress::warning);
	}

	@Test
	void anAnswerCarryingThePublicAddressEverywhereHasNoWarning() throws IOException {
		List<AdvertisedAddress> found = AdvertisedAddresses.read(
				resource("whip-201.sdp").replace("127.0.0.1", "203.0.113.10"),
				links().stream().map((link) -> link.replace("127.0.0.1", "203.0.113.10")).toList(), PUBLIC_HOST);
		assertThat(found).hasSize(2).noneMatch(AdvertisedAddress::warning);
		assertThat(found).extracting(AdvertisedAddress::endpoint)
			.containsExactly("203.0.113.10:10001", "203.0.113.10:3478");
	}

	@Test
	void aPublicCandidateWithTheRelayOnTheContainerAddressWarnsAboutTheRelayOnly() throws IOException {
		// Issue 23: OME_HOST_IP set, relay written as *:3478 inside Docker's bridge.
		List<AdvertisedAddress> found = AdvertisedAddresses.read(
				resource("whip-201.sdp").replace("127.0.0.1", "203.0.113.10"),
				List.of("<turn:172.18.0.3:3478?transport=tcp>; rel=\"ice-server\"; username=\"ome\""), PUBLIC_HOST);
		assertThat(found).extracting(AdvertisedAddress::verdict).containsExactly(Verdict.PUBLIC_HOST, Verdict.PRIVATE);
	}

	@Test
	void readsSeveralRelaysInOneHeaderAndBracketedIpv6() {
		List<AdvertisedAddress> found = AdvertisedAddresses.read("v=0\r\n",
				List.of("<turn:203.0.113.10:3478?transport=tcp>; rel=\"ice-server\", "
						+ "<turn:[2001:db8::1]:3479?transport=udp>; rel=\"ice-server\", <stun:203.0.113.10>"),
				PUBLIC_HOST);
		assertThat(found).containsExactly(
				new AdvertisedAddress(Kind.TCP_RELAY, "203.0.113.10", 3478, "tcp", Verdict.PUBLIC_HOST),
				new AdvertisedAddress(Kind.TCP_RELAY, "2001:db8::1", 3479, "udp", Verdict.DIFFERENT));
		assertThat(found.get(1).endpoint()).isEqualTo("[2001:db8::1]:3479");
	}

	@ParameterizedTest
	@CsvSource({ "10.0.0.5, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.254, PRIVATE", "192.168.1.20, PRIVATE",
			"100.64.0.1, PRIVATE", "100.127.255.254, PRIVATE", "169.254.10.10, PRIVATE", "fd12:3456::1, PRIVATE",
			"fc00::1, PRIVATE", "fe80::1, PRIVATE", "127.0.0.1, LOOPBACK", "127.1.2.3, LOOPBACK", "::1, LOOPBACK",
			"0.0.0.0, LOOPBACK", "203.0.113.10, PUBLIC_HOST", "198.51.100.7, DIFFERENT", "172.32.0.1, DIFFERENT",
			"100.128.0.1, DIFFERENT", "2001:db8::1, DIFFERENT", "ome.example.org, DIFFERENT" })
	void classifiesEachKindOfAddress(String address, Verdict verdict) {
		assertThat(AdvertisedAddresses.classify(address, PUBLIC_HOST)).isEqualTo(verdict);
	}

	@Test
	void aPublicAddressCannotBeComparedWhenThePublicHostDoesNotResolve() {
		assertThat(AdvertisedAddresses.classify("198.51.100.7", Set.of())).isEqualTo(Verdict.UNKNOWN);
		assertThat(AdvertisedAddresses.classify("10.0.0.5", Set.of())).isEqualTo(Verdict.PRIVATE);
	}

	private static List<String> links() throws IOException {
		return resource("whip-201.headers").lines()
			.filter((line) -> line.regionMatches(true, 0, "Link:", 0, 5))
			.map((line) -> line.substring(5).strip())
			.toList();
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = AdvertisedAddressesTests.class.getResourceAsStream("/check/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static InetAddress ip(String literal) {
		return AdvertisedAddresses.literal(literal);
	}

}
