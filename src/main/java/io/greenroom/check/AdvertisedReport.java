package io.greenroom.check;

import java.util.List;

/**
 * What OME handed out in one WHIP answer, judged against the public host.
 *
 * @param publicHost the public host name viewers dial
 * @param publicAddresses the addresses it resolves to now, empty when it does not resolve
 * @param addresses every advertised candidate and relay, classified
 */
public record AdvertisedReport(String publicHost, List<String> publicAddresses, List<AdvertisedAddress> addresses) {

	/**
	 * True when any address is one a viewer elsewhere probably cannot use, or none came.
	 */
	public boolean warning() {
		return this.addresses.isEmpty() || this.addresses.stream().anyMatch(AdvertisedAddress::warning);
	}

	/**
	 * True when OME offered no TCP relay, so players forced to TCP have nowhere to go.
	 */
	public boolean noRelay() {
		return this.addresses.stream().noneMatch((a) -> a.kind() == AdvertisedAddress.Kind.TCP_RELAY);
	}

}
