package io.greenroom.handoff;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

	private static final String PURPOSE = "greenroom streamer link v1";

	private static final int MAC_BYTES = 18;

	private final OmeSecrets secrets;

	private final StreamCatalog catalog;

	public StreamerLinks(OmeSecrets secrets, StreamCatalog catalog) {
		this.secrets = secrets;
		this.catalog = catalog;
	}

	/** The token for a slot as it is now. */
	public String token(Slot slot) {
		return slot.getId() + "." + mac(slot);
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
		int dot = token.indexOf('.');
		if (dot < 1 || dot > 18 || token.length() > 64) {
			return Optional.empty();
		}
		long id;
		try {
			id = Long.parseLong(token.substring(0, dot));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		return this.catalog.findSlotById(id)
			.filter((slot) -> MessageDigest.isEqual(mac(slot).getBytes(StandardCharsets.US_ASCII), given))
			.filter(Slot::isEnabled);
	}

	private String mac(Slot slot) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(linkKey(), "HmacSHA256"));
			byte[] full = mac
				.doFinal((slot.getId() + "\0" + slot.getPublishSecret().value()).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, MAC_BYTES));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	/** A key of its own for this purpose, so a streamer link is never a viewer token. */
	private byte[] linkKey() throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(this.secrets.viewerTokenKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return mac.doFinal(PURPOSE.getBytes(StandardCharsets.UTF_8));
	}

}
