package io.greenroom.ome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.greenroom.GreenroomInstance;
import io.greenroom.stream.App;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole lifecycle on a running Greenroom: written at start, rewritten on app changes,
 * untouched by slot changes, applied through the restart marker, and secrets kept across
 * restarts.
 */
class OmeConfigurationIntegrationTests {

	@TempDir
	Path data;

	@Test
	void writesAtStartupAndAfterEveryAppChangeButNotForSlots() throws IOException {
		Path marker = this.data.resolve("restart-requested");
		Path serverXml = this.data.resolve("ome-conf/Server.xml");
		String accessToken;
		try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(this.data,
				"greenroom.public.host=live.example.org", "greenroom.ome.restart-marker=" + marker)) {
			OmeConfiguration configuration = greenroom.bean(OmeConfiguration.class);
			assertThat(serverXml).exists();
			assertThat(this.data.resolve("ome-conf/Logger.xml")).content().contains("<Logger version=\"2\">");
			assertThat(Files.readString(serverXml)).contains("<Name>*</Name>").contains("<Applications/>");
			assertThat(configuration.status().restartNeeded()).as("first start: OME starts with this file").isFalse();
			accessToken = greenroom.bean(OmeSecrets.class).current().apiAccessToken();
			assertThat(Files.readString(serverXml)).contains("<AccessToken>" + accessToken + "</AccessToken>");

			StreamCatalog catalog = greenroom.bean(StreamCatalog.class);
			App show = catalog.createApp("show");
			assertThat(Files.readString(serverXml)).contains("<Name>show</Name>");
			assertThat(this.data.resolve("ome-conf/Server.xml.bak")).content().doesNotContain("<Name>show</Name>");
			assertThat(configuration.status().restartNeeded()).isTrue();

			String before = Files.readString(serverXml);
			catalog.createSlot(show.getId(), new SlotDraft("slot-1", "Racer 1", 2500, true));
			catalog.rotateSecret(show.getId(), catalog.listSlots(show.getId()).get(0).getId());
			assertThat(Files.readString(serverXml)).as("slots never touch Server.xml").isEqualTo(before);

			String edge = configuration.generateEdge("edge1.live.example.org");
			assertThat(edge).contains("<Type>edge</Type>")
				.contains("<Url>live.example.org:9000/show/</Url>")
				.contains("<Name>edge1.live.example.org</Name>")
				.contains("<ControlServerUrl>https://live.example.org/ome/admission</ControlServerUrl>");

			ApplyResult applied = configuration.apply();
			assertThat(applied.ok()).isTrue();
			assertThat(marker).exists();
			assertThat(configuration.status().restartNeeded()).isFalse();

			catalog.deleteApp(show.getId());
			assertThat(Files.readString(serverXml)).doesNotContain("<Name>show</Name>");
			assertThat(configuration.status().restartNeeded()).isTrue();
		}
		try (GreenroomInstance again = GreenroomInstance.startWithH2File(this.data)) {
			assertThat(again.bean(OmeSecrets.class).current().apiAccessToken()).isEqualTo(accessToken);
			assertThat(Files.readString(serverXml)).contains(accessToken);
		}
	}

	@Test
	void refusesAnEdgeHostThatIsNotAHostName() {
		try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(this.data)) {
			org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
				.isThrownBy(() -> greenroom.bean(OmeConfiguration.class).generateEdge("edge</Name><x>"));
		}
	}

	@Test
	void reportsAFailedWriteAndKeepsTheOldFile() throws IOException {
		Path blocked = Files.writeString(this.data.resolve("not-a-directory"), "a file");
		try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(this.data,
				"greenroom.ome.config-dir=" + blocked)) {
			OmeConfigStatus status = greenroom.bean(OmeConfiguration.class).status();
			assertThat(status.writeFailed()).isTrue();
			assertThat(status.writeError()).contains("Could not write").contains("OME keeps the previous file");
			assertThat(greenroom.bean(OmeConfiguration.class).apply().ok()).isFalse();
			assertThat(blocked).hasContent("a file");
		}
	}

}
