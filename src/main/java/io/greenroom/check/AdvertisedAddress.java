package io.greenroom.check;

/**
 * One address OME hands out for media, as a viewer's browser reads it.
 *
 * @param kind what carries it: an ICE candidate or the TCP relay (TURN)
 * @param address the host or IP address as OME wrote it
 * @param port the port
 * @param transport {@code udp} or {@code tcp}
 * @param verdict whether a viewer elsewhere can reach it
 */
public record AdvertisedAddress(Kind kind, String address, int port, String transport, Verdict verdict) {

	/** The address a person reads, with its port. */
	public String endpoint() {
		return (this.address.contains(":") ? "[" + this.address + "]" : this.address) + ":" + this.port;
	}

	/** True when a viewer elsewhere probably cannot use this address. */
	public boolean warning() {
		return this.verdict != Verdict.PUBLIC_HOST;
	}

	/** What carries an advertised address. */
	public enum Kind {

		ICE_CANDIDATE("ICE candidate"), TCP_RELAY("TCP relay (TURN)");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/** Whether a viewer elsewhere can reach an advertised address. */
	public enum Verdict {

		PUBLIC_HOST("matches the public host"),
		PRIVATE("private address: viewers outside this network cannot reach it"),
		LOOPBACK("loopback address: only this machine can reach it"),
		DIFFERENT("differs from the address the public host name resolves to"),
		UNKNOWN("cannot be compared: the public host name does not resolve");

		private final String explanation;

		Verdict(String explanation) {
			this.explanation = explanation;
		}

		public String explanation() {
			return this.explanation;
		}

	}

}
