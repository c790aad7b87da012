package io.greenroom.call;

import java.util.Optional;

import io.greenroom.ome.OmeSecrets;
import io.greenroom.stream.App;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The participant token opens its own app at its current generation only: replacing the
 * link, another app's token, a forged MAC or another key all fail.
 */
class ParticipantLinksTests {

	private final OmeSecrets secrets = mock(OmeSecrets.class);

	private final StreamCatalog catalog = mock(StreamCatalog.class);

	private final App call = mock(App.class);

	private final App show = mock(App.class);

	private ParticipantLinks links;

	@BeforeEach
	void setUp() {
		given(this.secrets.viewerTokenKey()).willReturn("viewer-key-for-tests");
		app(this.call, 7L, "call");
		app(this.show, 8L, "show");
		this.links = new ParticipantLinks(this.secrets, this.catalog);
	}

	@Test
	void opensItsOwnApp() {
		String token = this.links.token(this.call);
		assertThat(token).matches("7\\.[A-Za-z0-9_-]{24}");
		assertThat(this.links.resolve("call", token)).containsSame(this.call);
		assertThat(this.links.path(this.call)).isEqualTo("/call/call?join=" + token);
	}

	@Test
	void replacingTheLinkInvalidatesEveryOlderOne() {
		String old = this.links.token(this.call);
		given(this.call.getParticipantGeneration()).willReturn(1);
		assertThat(this.links.resolve("call", old)).isEmpty();
		String current = this.links.token(this.call);
		assertThat(current).isNotEqualTo(old);
		assertThat(this.links.resolve("call", current)).containsSame(this.call);
	}

	@Test
	void refusesAnotherAppsTokenForgedMissingAndMalformedTokens() {
		String token = this.links.token(this.call);
		assertThat(this.links.resolve("show", token)).isEmpty();
		assertThat(this.links.resolve("show", "8" + token.substring(1))).isEmpty();
		assertThat(this.links.resolve("call", token.substring(0, token.length() - 1) + "A")).isEmpty();
		assertThat(this.links.resolve("call", null)).isEmpty();
		assertThat(this.links.resolve("call", "")).isEmpty();
		assertThat(this.links.resolve("call", "x.y")).isEmpty();
		assertThat(this.links.resolve("call", token + "x".repeat(64))).isEmpty();
		assertThat(this.links.resolve("nowhere", token)).isEmpty();
	}

	@Test
	void dependsOnTheServerKey() {
		String token = this.links.token(this.call);
		given(this.secrets.viewerTokenKey()).willReturn("another-server");
		assertThat(this.links.resolve("call", token)).isEmpty();
	}

	private void app(App app, long id, String name) {
		given(app.getId()).willReturn(id);
		given(app.getName()).willReturn(name);
		given(app.getParticipantGeneration()).willReturn(0);
		given(this.catalog.findAppByName(name)).willReturn(Optional.of(app));
	}

}
