package io.greenroom.admission;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 address as 128 bits, IPv4 kept in its IPv4-mapped form
 * ({@code ::ffff:a.b.c.d}) so one comparison covers both. Parsed by hand from the text
 * OME and Caddy write: {@link java.net.InetAddress#getByName} would resolve anything that
 * is not a literal through DNS, which must never happen on the admission path.
 *
 * @param high the first 64 bits
 * @param low the last 64 bits
 */
record IpAddress(long high, long low) {

	private static final long MAPPED = 0xffff_0000_0000L;

	/** The longest text accepted: a full IPv6 address with an IPv4 tail is 45. */
	private static final int MAX_LENGTH = 45;

	/** The address written in {@code text}, or null when it is not a literal address. */
	static @Nullable IpAddress parse(@Nullable String text) {
		if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
			return null;
		}
		if (text.indexOf(':') < 0) {
			long ipv4 = ipv4(text, 0, text.length());
			return (ipv4 >= 0) ? new IpAddress(0, MAPPED | ipv4) : null;
		}
		return ipv6(text);
	}

	boolean isIpv4() {
		return this.high == 0 && (this.low >>> 32) == 0xffff;
	}

	/**
	 * The network Greenroom counts log lines by: the /24 of an IPv4 address, the /64 of
	 * an IPv6 one (what one subscriber usually gets).
	 */
	IpAddress network() {
		return isIpv4() ? new IpAddress(0, this.low & ~0xffL) : new IpAddress(this.high, 0);
	}

	/**
	 * {@link #network()} as text, such as {@code 203.0.113.0/24} or
	 * {@code 2001:db8:1:2::/64}.
	 */
	String networkText() {
		return network() + (isIpv4() ? "/24" : "/64");
	}

	/** The usual text: dotted for IPv4, RFC 5952's shortest form for IPv6. */
	@Override
	public String toString() {
		if (isIpv4()) {
			return ((this.low >>> 24) & 0xff) + "." + ((this.low >>> 16) & 0xff) + "." + ((this.low >>> 8) & 0xff) + "."
					+ (this.low & 0xff);
		}
		int[] groups = new int[8];
		for (int i = 0; i < 4; i++) {
			groups[i] = (int) ((this.high >>> (48 - 16 * i)) & 0xffff);
			groups[i + 4] = (int) ((this.low >>> (48 - 16 * i)) & 0xffff);
		}
		int bestStart = -1;
		int bestLength = 1;
		for (int i = 0; i < 8;) {
			int j = i;
			while (j < 8 && groups[j] == 0) {
				j++;
			}
			if (j - i > bestLength) {
				bestStart = i;
				bestLength = j - i;
			}
			i = (j > i) ? j : i + 1;
		}
		StringBuilder text = new StringBuilder(39);
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				text.append("::");
				i += bestLength - 1;
				continue;
			}
			if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
				text.append(':');
			}
			text.append(Integer.toHexString(groups[i]));
		}
		return text.toString();
	}

	/** The 32 bits of a dotted quad in {@code text[from, to)}, or -1. */
	private static long ipv4(String text, int from, int to) {
		long value = 0;
		int parts = 0;
		int i = from;
		while (parts < 4) {
			int start = i;
			int part = 0;
			while (i < to && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
				part = part * 10 + (text.charAt(i) - '0');
				i++;
			}
			if (i == start || part > 255) {
				return -1;
			}
			value = (value << 8) | part;
			parts++;
			if (parts < 4) {
				if (i >= to || text.charAt(i) != '.') {
					return -1;
				}
				i++;
			}
		}
		return (i == to) ? value : -1;
	}

	private static @Nullable IpAddress ipv6(String text) {
		int end = text.indexOf('%');
		if (end == 0) {
			return null;
		}
		end = (end < 0) ? text.length() : end;
		int[] groups = new int[8];
		int count = 0;
		int gap = -1;
		int i = 0;
		if (text.startsWith("::")) {
			gap = 0;
			i = 2;
		}
		else if (text.charAt(0) == ':') {
			return null;
		}
		while (i < end) {
			int start = i;
			int group = 0;
			while (i < end && i - start < 5 && hex(text.charAt(i)) >= 0) {
				group = (group << 4) | hex(text.charAt(i));
				i++;
			}
			if (i < end && text.charAt(i) == '.') {
				// An IPv4 tail takes the last two groups.
				long ipv4 = (count <= 6) ? ipv4(text, start, end) : -1;
				if (ipv4 < 0) {
					return null;
				}
				groups[count++] = (int) (ipv4 >>> 16);
				groups[count++] = (int) (ipv4 & 0xffff);
				i = end;
				break;
			}
			if (i == start || i - start > 4 || count == 8) {
				return null;
			}
			groups[count++] = group;
			if (i == end) {
				break;
			}
			if (text.charAt(i) != ':') {
				return null;
			}
			i++;
			if (i < end && text.charAt(i) == ':') {
				if (gap >= 0) {
					return null;
				}
				gap = count;
				i++;
			}
			else if (i == end) {
				return null;
			}
		}
		if (gap >= 0 ? count > 7 : count != 8) {
			return null;
		}
		if (gap >= 0) {
			int moved = count - gap;
			System.arraycopy(groups, gap, groups, 8 - moved, moved);
			Arrays.fill(groups, gap, 8 - moved, 0);
		}
		long high = 0;
		long low = 0;
		for (int g = 0; g < 4; g++) {
			high = (high << 16) | groups[g];
			low = (low << 16) | groups[g + 4];
		}
		return new IpAddress(high, low);
	}

	/**
	 * An ASCII hex digit's value, or -1 (Character.digit also takes other scripts'
	 * digits).
	 */
	private static int hex(char c) {
		return (c >= '0' && c <= '9') ? c - '0'
				: (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
	}

}
