package io.greenroom.admission;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxies whose word Greenroom takes for a client's address. OME fills
 * {@code client.real_ip} from the request's {@code X-Real-IP} header (else from the first
 * entry of {@code X-Forwarded-For}), which any client can write. So {@code real_ip} only
 * counts when the peer OME saw ({@code client.address}) is one of these proxies;
 * otherwise it is a claim, recorded but never acted on.
 * <p>
 * The blocks are parsed once, at start, into masks; a check is a handful of long
 * comparisons per block.
 */
final class TrustedProxies {

	/** The setting's name, for messages. */
	static final String SETTING = "greenroom.admission.trusted-proxies (GREENROOM_ADMISSION_TRUSTED_PROXIES)";

	private static final Logger logger = LoggerFactory.getLogger(TrustedProxies.class);

	private final long[] highs;

	private final long[] lows;

	private final long[] highMasks;

	private final long[] lowMasks;

	private final List<String> blocks;

	/**
	 * @param blocks addresses or CIDR blocks, IPv4 or IPv6
	 * @throws IllegalArgumentException naming the setting and the expected form when one
	 * is malformed
	 */
	TrustedProxies(List<String> blocks) {
		// Blank entries (a trailing comma, an empty setting) are skipped.
		this.blocks = blocks.stream().map(String::trim).filter((block) -> !block.isEmpty()).toList();
		int n = this.blocks.size();
		this.highs = new long[n];
		this.lows = new long[n];
		this.highMasks = new long[n];
		this.lowMasks = new long[n];
		for (int i = 0; i < n; i++) {
			String block = this.blocks.get(i);
			int slash = block.indexOf('/');
			IpAddress address = IpAddress.parse((slash < 0) ? block : block.substring(0, slash));
			if (address == null) {
				throw malformed(block);
			}
			int bits = address.isIpv4() && block.indexOf(':') < 0 ? 32 : 128;
			if (slash >= 0) {
				String length = block.substring(slash + 1);
				if (!length.matches("[0-9]{1,3}") || Integer.parseInt(length) > bits) {
					throw malformed(block);
				}
				bits = Integer.parseInt(length) + ((bits == 32) ? 96 : 0);
			}
			else {
				bits = 128;
			}
			this.highMasks[i] = mask(bits);
			this.lowMasks[i] = mask(bits - 64);
			this.highs[i] = address.high() & this.highMasks[i];
			this.lows[i] = address.low() & this.lowMasks[i];
		}
	}

	/** Whether a malformed entry would be refused; for validating the setting. */
	static void check(List<String> blocks) {
		new TrustedProxies(blocks);
	}

	/** Whether {@code peer} is one of the trusted proxies. */
	boolean trusts(@Nullable IpAddress peer) {
		if (peer == null) {
			return false;
		}
		for (int i = 0; i < this.highs.length; i++) {
			if ((peer.high() & this.highMasks[i]) == this.highs[i] && (peer.low() & this.lowMasks[i]) == this.lows[i]) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whom a publish attempt is blamed on, and what to record of {@code real_ip}.
	 *
	 * @param blamed the address (an IPv6 one's /64) wrong keys count against
	 * @param recordedRealIp {@code real_ip} for the session record: as OME sent it when a
	 * trusted proxy vouched for it or it is the peer itself, {@code claimed ...} when
	 * only the client said so, null when absent or not an address
	 */
	record Origin(String blamed, @Nullable String recordedRealIp) {
	}

	/**
	 * Believes {@code real_ip} only from a trusted proxy: anyone can send OME an
	 * {@code X-Real-IP} header, and believing it would let them pick whom the guard
	 * blocks, or escape it with a new made-up address per guess.
	 */
	Origin origin(AdmissionRequest.Client client) {
		String address = (client.address() != null) ? client.address() : "";
		IpAddress peer = IpAddress.parse(address);
		String realIp = client.realIp();
		IpAddress real = (realIp != null && !realIp.equals(address)) ? IpAddress.parse(realIp) : null;
		if (real == null) {
			if (realIp != null && !realIp.equals(address)) {
				logger.debug("Ignoring real_ip that is not an address, sent via {}", address);
			}
			return new Origin(blame(peer, address), address.equals(realIp) ? address : null);
		}
		if (trusts(peer)) {
			return new Origin(blame(real, realIp), real.toString());
		}
		logger.debug("Blaming {}, not the real_ip {} it claims: it is not a trusted proxy", address, real);
		return new Origin(blame(peer, address), "claimed " + real);
	}

	/**
	 * IPv6 by its /64: one subscriber usually holds a whole /64 to pick guesses from. A
	 * dotted IPv4 address keeps the text OME sent, sparing a string per publish.
	 */
	private static String blame(@Nullable IpAddress ip, String text) {
		return (ip == null) ? text : !ip.isIpv4() ? ip.networkText() : (text.indexOf(':') < 0) ? text : ip.toString();
	}

	@Override
	public String toString() {
		return String.join(",", this.blocks);
	}

	/**
	 * The first {@code bits} bits of 64 set (none when 0 or less, all when 64 or more).
	 */
	private static long mask(int bits) {
		return (bits <= 0) ? 0 : (bits >= 64) ? -1L : -1L << (64 - bits);
	}

	private static IllegalArgumentException malformed(String entry) {
		return new IllegalArgumentException(SETTING + ": '" + entry
				+ "' is not an IP address or CIDR block; expected a comma-separated list such as"
				+ " 127.0.0.0/8,::1,172.29.213.0/24,2001:db8::/32");
	}

}
