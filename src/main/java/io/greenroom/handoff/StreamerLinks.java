package io.greenroom.handoff;

import java.util.Optional;
import java.util.OptionalLong;

import io.greenroom.ome.LinkTokens;
import io.greenroom.ome.OmeSecrets;
import io.greenroom.stream.Slot;
import io.greenroom.stream.StreamCatalog;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Private streamer links, one per slot: {@code /go/SLOT-ID.MAC}. The MAC is HMAC-SHA256,
 * under a key derived from the server's viewer-link key, over the slot id and its current
 * publish secret. Nothing is stored: rotating the secret changes the MAC, so every older
 * link stops working at once, and a disabled slot's link is refused too. The link is not
 * the secret and the secret cannot be recovered from it.
 */
@Component
public class StreamerLinks {

	/** URL path prefix of a streamer page. */
	public static final String PATH = "/go/";

	private final LinkTokens tokens;

	private final StreamCatalog catalog;

	public StreamerLinks(OmeSecrets secrets, StreamCatalog catalog) {
		this.tokens = new LinkTokens(secrets, "greenroom streamer link v1");
		this.catalog = catalog;
	}

	/** The token for a slot as it is now. */
	public String token(Slot slot) {
		return this.tokens.token(slot.getId(), slot.getPublishSecret().value());
	}

	/**
	 * The full streamer link of a slot, on the host and scheme of the current request
	 * (Caddy's, behind the proxy).
	 */
	public String url(Slot slot) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(PATH + token(slot)).build().toUriString();
	}

	/** The link with its MAC masked, for the dashboard: {@code …/go/12.••••1a2b}. */
	public String maskedUrl(Slot slot) {
		String url = url(slot);
		return url.substring(0, url.lastIndexOf('.') + 1) + "••••" + url.substring(url.length() - 4);
	}

	/**
	 * The slot a token opens, if the token is for the slot's current secret and the slot
	 * is enabled; empty for a malformed, forged, rotated or disabled link.
	 */
	public Optional<Slot> resolve(String token) {
		OptionalLong id = LinkTokens.id(token);
		if (id.isEmpty()) {
			return Optional.empty();
		}
		return this.catalog.findSlotById(id.getAsLong())
			.filter((slot) -> this.tokens.matches(token, slot.getId(), slot.getPublishSecret().value()))
			.filter(Slot::isEnabled);
	}

}
