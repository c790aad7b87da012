package io.greenroom.call;

import java.util.Optional;
import java.util.OptionalLong;

import io.greenroom.ome.LinkTokens;
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

	private final LinkTokens tokens;

	private final StreamCatalog catalog;

	public ParticipantLinks(OmeSecrets secrets, StreamCatalog catalog) {
		this.tokens = new LinkTokens(secrets, "greenroom participant link v1");
		this.catalog = catalog;
	}

	/** The token for an app as it is now. */
	public String token(App app) {
		return this.tokens.token(app.getId(), Integer.toString(app.getParticipantGeneration()));
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
		OptionalLong id = LinkTokens.id(token);
		if (token == null || id.isEmpty()) {
			return Optional.empty();
		}
		return this.catalog.findAppByName(appName)
			.filter((app) -> app.getId() == id.getAsLong())
			.filter((app) -> this.tokens.matches(token, app.getId(), Integer.toString(app.getParticipantGeneration())));
	}

}
