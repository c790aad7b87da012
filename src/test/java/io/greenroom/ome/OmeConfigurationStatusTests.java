package io.greenroom.ome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.greenroom.publish.PublicProperties;
import io.greenroom.stream.App;
import io.greenroom.stream.AppsChanged;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The status every dashboard page shows (does OME need a restart?) comes from the file
 * last written, not from generating {@code Server.xml} again for each page.
 */
class OmeConfigurationStatusTests {

	@TempDir
	Path dir;

	private final StreamCatalog catalog = mock(StreamCatalog.class);

	private final OmeAppliedRepository applied = mock(OmeAppliedRepository.class);

	private OmeConfiguration configuration() {
		OmeSecrets secrets = mock(OmeSecrets.class);
		given(secrets.current()).willReturn(OmeFixtures.SECRETS);
		OmeProperties defaults = OmeFixtures.defaults();
		OmeProperties properties = new OmeProperties(this.dir, defaults.iceHost(), defaults.icePorts(),
				defaults.tcpRelayPort(), defaults.tcpForce(), defaults.apiPort(), defaults.apiUrl(),
				defaults.admissionUrl(), defaults.admissionTimeoutMs(), defaults.edges(), null, null, null, null, null);
		return new OmeConfiguration(this.catalog, secrets, properties,
				new PublicProperties("live.example.org", true, 443, "/ome", 3333, 1935, List.of()), this.applied,
				mock(TransactionTemplate.class), Clock.systemUTC());
	}

	@Test
	void pagesReadTheFingerprintOfTheLastWrittenFileAndAnAppChangeRenewsIt() throws IOException {
		given(this.catalog.allApps()).willReturn(List.of(new App("show", Instant.EPOCH)));
		OmeConfiguration configuration = configuration();
		configuration.write();
		String first = OmeConfiguration.fingerprint(Files.readString(this.dir.resolve("Server.xml")));
		given(this.applied.findById(OmeApplied.ID)).willReturn(Optional.of(new OmeApplied(first, Instant.EPOCH)));

		for (int page = 0; page < 5; page++) {
			assertThat(configuration.status().restartNeeded()).isFalse();
		}
		verify(this.catalog, times(1)).allApps();

		given(this.catalog.allApps())
			.willReturn(List.of(new App("show", Instant.EPOCH), new App("second", Instant.EPOCH)));
		configuration.onAppsChanged(new AppsChanged(Instant.EPOCH));
		assertThat(this.dir.resolve("Server.xml")).content().contains("<Name>second</Name>");
		for (int page = 0; page < 5; page++) {
			assertThat(configuration.status().restartNeeded()).as("the running OME has the file without 'second'")
				.isTrue();
		}
		verify(this.catalog, times(2)).allApps();
	}

	@Test
	void withoutAWrittenFileTheStatusIsGeneratedForEachAsk() {
		given(this.catalog.allApps()).willReturn(List.of(new App("show", Instant.EPOCH)));
		given(this.applied.findById(OmeApplied.ID)).willReturn(Optional.empty());
		OmeConfiguration configuration = configuration();
		assertThat(configuration.status().restartNeeded()).isTrue();
		assertThat(configuration.status().restartNeeded()).isTrue();
		verify(this.catalog, times(2)).allApps();
	}

}
