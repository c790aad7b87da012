package io.greenroom.check;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

import io.greenroom.publish.PublicProperties;

import org.springframework.stereotype.Component;

/**
 * The public host name viewers dial, and the addresses it resolves to now. Looked up only
 * when a producer asks for a check, never on the admission path.
 */
@Component
public class PublicHost {

	private final PublicProperties properties;

	public PublicHost(PublicProperties properties) {
		this.properties = properties;
	}

	public String name() {
		return this.properties.host();
	}

	/** The addresses the public host name resolves to, empty when it does not resolve. */
	public Set<InetAddress> addresses() {
		try {
			return Set.of(InetAddress.getAllByName(name()));
		}
		catch (UnknownHostException | SecurityException ex) {
			return Set.of();
		}
	}

}
