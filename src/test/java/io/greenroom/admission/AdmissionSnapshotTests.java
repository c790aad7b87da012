package io.greenroom.admission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.greenroom.stream.AccessPolicy;
import io.greenroom.stream.DuplicatePublisher;
import io.greenroom.stream.PublishSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The file a restart answers OME from: what is written is read back the same, and
 * anything else is refused without quoting it (it holds secrets).
 */
class AdmissionSnapshotTests {

	@TempDir
	Path directory;

	@Test
	void readsBackWhatItWrote() throws IOException {
		PublishSecret secret = PublishSecret.generate();
		Map<String, SlotDirectory.AppEntry> apps = Map.of("show",
				new SlotDirectory.AppEntry(7L, new AccessPolicy(true, DuplicatePublisher.REPLACE),
						Map.of("cam-1", new SlotDirectory.SlotEntry(3, secret, false, "show/cam-1", "Camera \"1\" ✓"))),
				"empty", new SlotDirectory.AppEntry(8L, AccessPolicy.defaults(), Map.of()));
		Path file = this.directory.resolve("nested/admission-snapshot.json");
		AdmissionSnapshot
			.of(apps, AdmissionSnapshot.databaseId("jdbc:h2:file:/data/greenroom"), "webhook-key", "viewer-key")
			.write(file);

		AdmissionSnapshot read = AdmissionSnapshot.read(file);
		assertThat(read).isNotNull();
		assertThat(read.database()).isEqualTo(AdmissionSnapshot.databaseId("jdbc:h2:file:/data/greenroom"))
			.hasSize(64)
			.doesNotContain("greenroom");
		assertThat(read.admissionKey()).isEqualTo("webhook-key");
		assertThat(read.viewerKey()).isEqualTo("viewer-key");
		assertThat(read.directory()).isEqualTo(apps);
		try (var listing = Files.list(file.getParent())) {
			assertThat(listing).as("no temporary file left behind").containsExactly(file);
		}
	}

	@Test
	void thereIsNoneWhenTheFileDoesNotExist() throws IOException {
		assertThat(AdmissionSnapshot.read(this.directory.resolve("missing.json"))).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "{", "[]",
			"{\"version\":2,\"database\":\"d\",\"admissionKey\":\"k\",\"viewerKey\":\"v\",\"apps\":[]}",
			"{\"version\":1,\"database\":\"d\",\"admissionKey\":\"k\",\"apps\":[]}",
			"{\"version\":1,\"database\":\"d\",\"admissionKey\":\"k\",\"viewerKey\":\"v\",\"apps\":[{\"name\":\"a\"}]}",
			"{\"version\":1,\"database\":\"d\",\"admissionKey\":\"k\",\"viewerKey\":\"v\",\"apps\":[{\"name\":\"a\",\"onDuplicate\":\"NEVER\",\"slots\":[]}]}",
			"{\"version\":1,\"database\":\"d\",\"admissionKey\":\"secret-in-the-file\",\"viewerKey\":7,\"apps\":[]}",
			"{\"version\":1,\"database\":\"d\",\"admissionKey\":\"k\",\"viewerKey\":\"v\",\"apps\":[]} trailing" })
	void refusesAnythingElseWithoutQuotingIt(String content) throws IOException {
		Path file = this.directory.resolve("admission-snapshot.json");
		Files.writeString(file, content);
		assertThatIOException().isThrownBy(() -> AdmissionSnapshot.read(file))
			.withMessageContaining("not a snapshot")
			.withMessageNotContaining("secret-in-the-file");
	}

}
