package io.greenroom.call;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.greenroom.ome.OmeSecrets;
import io.greenroom.stream.App;
import io.greenroom.stream.StreamCatalog;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The participant link of an app's call: {@code /call/APP?join=APP-ID.MAC}. The MAC is
 * HMAC-SHA256, under a key of its own derived from the server's viewer-link key, over the
 * app id and the app's participant generation. Nothing else is stored: replacing the link
 * raises the generation, so every older link stops letting people join. The token lets
 * its holder take a free slot of that app only; it is never a viewer link.
 */
@Component
public class ParticipantLinks {

	/** The query parameter that carries the participant token on the call page. */
	public static final String PARAMETER = "join";

	private static final String PURPOSE = "greenroom participant link v1";

	private static final int MAC_BYTES = 18;

	private final OmeSecrets secrets;

	private final StreamCatalog catalog;

	public ParticipantLinks(OmeSecrets secrets, StreamCatalog catalog) {
		this.secrets = secrets;
		this.catalog = catalog;
	}

	/** The token for an app as it is now. */
	public String token(App app) {
		return app.getId() + "." + mac(app.getId(), app.getParticipantGeneration());
	}

	/** The path and query of the app's call page with the participant token. */
	public String path(App app) {
		return "/call/" + app.getName() + "?" + PARAMETER + "=" + token(app);
	}

	/**
	 * The app a token lets its holder join, if it names that app and its current
	 * generation; empty for a missing, malformed, forged or replaced token.
	 */
	public Optional<App> resolve(String appName, @Nullable String token) {
		if (token == null || token.length() > 64) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot < 1 || dot > 18) {
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
		return this.catalog.findAppByName(appName)
			.filter((app) -> app.getId() == id)
			.filter((app) -> MessageDigest
				.isEqual(mac(app.getId(), app.getParticipantGeneration()).getBytes(StandardCharsets.US_ASCII), given));
	}

	private String mac(long appId, int generation) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(linkKey(), "HmacSHA256"));
			byte[] full = mac.doFinal((appId + "\0" + generation).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, MAC_BYTES));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	/**
	 * A key of its own, so a participant token is never a streamer link or viewer link.
	 */
	private byte[] linkKey() throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(this.secrets.viewerTokenKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return mac.doFinal(PURPOSE.getBytes(StandardCharsets.UTF_8));
	}

}
