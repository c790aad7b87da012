package io.greenroom.check;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Judges a WHIP answer that the producer's browser received from OME against the public
 * host's current addresses.
 */
@Component
public class AdvertisedCheck {

	/** Longest answer or Link header read; OME's answers are about 2 KB. */
	public static final int MAX_LENGTH = 64 * 1024;

	private final PublicHost publicHost;

	public AdvertisedCheck(PublicHost publicHost) {
		this.publicHost = publicHost;
	}

	/**
	 * @param answerSdp OME's answer body
	 * @param link OME's {@code Link} header (several values joined by commas)
	 * @return the classified addresses
	 */
	public AdvertisedReport judge(String answerSdp, String link) {
		Set<InetAddress> resolved = this.publicHost.addresses();
		List<AdvertisedAddress> addresses = AdvertisedAddresses.read(truncate(answerSdp), List.of(truncate(link)),
				resolved);
		return new AdvertisedReport(this.publicHost.name(),
				resolved.stream().map(InetAddress::getHostAddress).sorted().toList(), addresses);
	}

	private static String truncate(String text) {
		return (text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH) : text;
	}

}
