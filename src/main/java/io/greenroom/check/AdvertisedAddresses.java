package io.greenroom.check;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.greenroom.check.AdvertisedAddress.Kind;
import io.greenroom.check.AdvertisedAddress.Verdict;

/**
 * Reads the addresses OME hands out in a WHIP answer (its SDP's {@code a=candidate} lines
 * and the {@code turn:} URLs of its {@code Link} header) and says of each whether a
 * viewer elsewhere can reach it: private (RFC 1918, CGNAT 100.64.0.0/10, IPv6 ULA
 * fc00::/7, link-local), loopback, or different from the public host's address.
 * <p>
 * Plain logic: the public host's addresses are given, never looked up here.
 */
public final class AdvertisedAddresses {

	private static final Pattern CANDIDATE = Pattern
		.compile("^a=candidate:\\S+\\s+\\d+\\s+(\\S+)\\s+\\d+\\s+(\\S+)\\s+(\\d+)\\s+typ\\s+\\S+.*$");

	private static final Pattern LINK_URL = Pattern.compile("<\\s*(turns?|stuns?):([^>?]+)(\\?[^>]*)?>",
			Pattern.CASE_INSENSITIVE);

	private AdvertisedAddresses() {
	}

	/**
	 * The addresses of a WHIP answer, each classified.
	 * @param sdp the answer's body
	 * @param linkHeaders the answer's {@code Link} header values
	 * @param publicHost the addresses the public host name resolves to, empty when it
	 * does not resolve
	 * @return ICE candidates first, then TURN relays, in the order OME wrote them
	 */
	public static List<AdvertisedAddress> read(String sdp, Collection<String> linkHeaders,
			Set<InetAddress> publicHost) {
		List<AdvertisedAddress> found = new ArrayList<>();
		sdp.lines().map(String::strip).forEach((line) -> {
			Matcher candidate = CANDIDATE.matcher(line);
			if (candidate.matches()) {
				String address = candidate.group(2);
				found.add(new AdvertisedAddress(Kind.ICE_CANDIDATE, address, Integer.parseInt(candidate.group(3)),
						candidate.group(1).toLowerCase(Locale.ROOT), classify(address, publicHost)));
			}
		});
		for (String header : linkHeaders) {
			Matcher url = LINK_URL.matcher(header);
			while (url.find()) {
				if (!url.group(1).toLowerCase(Locale.ROOT).startsWith("turn")) {
					continue;
				}
				String hostPort = url.group(2).strip();
				String query = (url.group(3) != null) ? url.group(3).toLowerCase(Locale.ROOT) : "";
				String transport = query.contains("transport=udp") ? "udp" : "tcp";
				String host;
				int port = url.group(1).equalsIgnoreCase("turns") ? 5349 : 3478;
				if (hostPort.startsWith("[")) {
					int end = hostPort.indexOf(']');
					host = hostPort.substring(1, end);
					if (hostPort.length() > end + 2) {
						port = Integer.parseInt(hostPort.substring(end + 2));
					}
				}
				else {
					int colon = hostPort.lastIndexOf(':');
					host = (colon > 0) ? hostPort.substring(0, colon) : hostPort;
					if (colon > 0) {
						port = Integer.parseInt(hostPort.substring(colon + 1));
					}
				}
				found.add(new AdvertisedAddress(Kind.TCP_RELAY, host, port, transport, classify(host, publicHost)));
			}
		}
		return found;
	}

	/**
	 * Whether a viewer elsewhere can reach {@code address}.
	 * @param address an IP literal or a host name as OME wrote it
	 * @param publicHost the addresses the public host name resolves to
	 * @return the verdict
	 */
	public static Verdict classify(String address, Set<InetAddress> publicHost) {
		InetAddress ip = literal(address);
		if (ip == null) {
			// A name (OME writes literals, but a browser may see mDNS names): compare as
			// written.
			return publicHost.isEmpty() ? Verdict.UNKNOWN : Verdict.DIFFERENT;
		}
		if (ip.isLoopbackAddress() || ip.isAnyLocalAddress()) {
			return Verdict.LOOPBACK;
		}
		if (isPrivate(ip)) {
			return Verdict.PRIVATE;
		}
		if (publicHost.isEmpty()) {
			return Verdict.UNKNOWN;
		}
		return publicHost.contains(ip) ? Verdict.PUBLIC_HOST : Verdict.DIFFERENT;
	}

	/**
	 * RFC 1918, CGNAT 100.64.0.0/10, IPv4 and IPv6 link-local, IPv6 ULA fc00::/7.
	 * @param ip an address
	 * @return whether it is private to some network
	 */
	static boolean isPrivate(InetAddress ip) {
		byte[] b = ip.getAddress();
		if (ip.isSiteLocalAddress() || ip.isLinkLocalAddress()) {
			return true;
		}
		if (b.length == 4) {
			return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
		}
		return (b[0] & 0xfe) == 0xfc;
	}

	/** An IP literal without any name lookup, or null for a name. */
	static InetAddress literal(String address) {
		String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
				: address;
		boolean ipv4 = bare.matches("\\d{1,3}(\\.\\d{1,3}){3}");
		boolean ipv6 = bare.contains(":") && bare.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
		if (!ipv4 && !ipv6) {
			return null;
		}
		try {
			return InetAddress.getByName(bare);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
