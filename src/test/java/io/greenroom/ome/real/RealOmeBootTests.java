package io.greenroom.ome.real;

import java.nio.file.Path;
import java.util.Map;

import io.greenroom.stream.AppSettings;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real OME boots on Greenroom's generated {@code Server.xml} with no app, and Apply
 * restarts it onto one app and then four apps with LLHLS on one, each served afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RealOmeCondition.class)
class RealOmeBootTests {

	@TempDir
	static Path work;

	private OmeStage stage;

	@BeforeAll
	void start() throws Exception {
		this.stage = OmeStage.start(work, (catalog) -> {
		}, Map.of());
	}

	@AfterAll
	void stop() {
		if (this.stage != null) {
			this.stage.close();
		}
	}

	@Test
	void bootsWithNoAppAndApplyServesOneAppThenFourWithLlhls() throws Exception {
		RealOme ome = this.stage.ome();
		assertThat(ome.api("/v1/vhosts/default/apps").body()).as(ome.log()).contains("\"response\":[]");

		StreamCatalog catalog = this.stage.bean(StreamCatalog.class);
		catalog.createApp("show");
		this.stage.applyAndAwaitRestart();
		assertThat(ome.api("/v1/vhosts/default/apps").body()).as(ome.log()).contains("\"show\"");
		assertThat(ome.streams("show")).isEmpty();

		catalog.createApp("fallback", new AppSettings(true, false, false, false, null, null));
		catalog.createApp("call");
		catalog.createApp("tuned", new AppSettings(false, true, true, true, 50, 200));
		this.stage.applyAndAwaitRestart();
		String apps = ome.api("/v1/vhosts/default/apps").body();
		assertThat(apps).as(ome.log()).contains("\"show\"", "\"fallback\"", "\"call\"", "\"tuned\"");
		assertThat(ome.fullLog()).doesNotContainIgnoringCase("failed to load");
	}

}
