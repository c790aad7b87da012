package io.greenroom.handoff;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.greenroom.GreenroomInstance;
import io.greenroom.admission.OmeWebhook;
import io.greenroom.ome.OmeSecrets;
import io.greenroom.stream.App;
import io.greenroom.stream.Slot;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OBS profile a streamer downloads from their link: every file, section, key and
 * value OBS reads, the current secret in it, and admission refusing it once the producer
 * rotates the secret.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObsProfileIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path data;

	private GreenroomInstance greenroom;

	private StreamCatalog catalog;

	private OmeWebhook ome;

	private App show;

	@BeforeAll
	void start() {
		this.greenroom = GreenroomInstance.startWithH2File(data, "greenroom.public.host=127.0.0.1",
				"greenroom.public.tls-proxy=false");
		this.catalog = this.greenroom.bean(StreamCatalog.class);
		this.show = this.catalog.createApp("show");
		this.ome = new OmeWebhook(this.greenroom.baseUrl(), this.greenroom.bean(OmeSecrets.class).admissionSecretKey());
	}

	@AfterAll
	void stop() {
		this.greenroom.close();
	}

	@Test
	void whipProfileHoldsEveryObsSettingWithTheCurrentSecretAndIsRefusedAfterRotation() throws Exception {
		Slot slot = this.catalog.createSlot(this.show.getId(), new SlotDraft("slot-1", "Racer 1", 4500, true));
		String secret = slot.getPublishSecret().value();
		String link = link(slot);

		HttpResponse<byte[]> download = get(link + "/obs-profile.zip?service=whip");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
		assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(value) -> assertThat(value).contains("attachment").contains("greenroom-show-slot-1-whip.zip"));
		Map<String, String> files = unzip(download.body());
		String folder = "greenroom-show-slot-1-whip/";
		assertThat(files.keySet()).containsExactly(folder, folder + "basic.ini", folder + "service.json",
				folder + "streamEncoder.json");
		assertThat(ini(files.get(folder + "basic.ini"))).isEqualTo(Map.of("General",
				Map.of("Name", "Greenroom show slot-1 WHIP (Racer 1)"), "Output", Map.of("Mode", "Advanced"), "AdvOut",
				Map.of("Encoder", "obs_x264", "AudioEncoder", "ffmpeg_opus", "TrackIndex", "1", "ApplyServiceSettings",
						"false"),
				"SimpleOutput", Map.of("StreamEncoder", "x264", "StreamAudioEncoder", "opus", "VBitrate", "4500",
						"Preset", "veryfast", "x264Settings", "bframes=0")));
		String whipServer = "http://127.0.0.1:3333/show/slot-1?direction=whip&key=" + secret;
		assertThat(json(files.get(folder + "service.json")))
			.isEqualTo(Map.of("type", "whip_custom", "settings", Map.of("server", whipServer, "bearer_token", "")));
		assertThat(json(files.get(folder + "streamEncoder.json"))).isEqualTo(Map.of("rate_control", "CBR", "bitrate",
				4500, "keyint_sec", 1, "preset", "veryfast", "tune", "zerolatency", "x264opts", "bframes=0", "bf", 0));

		assertThat(publish("WebRTC", whipServer, 45001)).startsWith("{\"allowed\":true");
		closing("WebRTC", whipServer, "http://127.0.0.1:3333/show/slot-1", 45001);

		this.catalog.rotateSecret(this.show.getId(), slot.getId());
		assertThat(publish("WebRTC", whipServer, 45002)).startsWith("{\"allowed\":false").contains("wrong stream key");
		HttpResponse<byte[]> old = get(link + "/obs-profile.zip?service=whip");
		assertThat(old.statusCode()).isEqualTo(410);
		assertThat(new String(old.body(), StandardCharsets.UTF_8)).contains("no longer valid");
	}

	@Test
	void rtmpProfileHoldsServerAndStreamKeyAndIsRefusedAfterRotation() throws Exception {
		Slot slot = this.catalog.createSlot(this.show.getId(), new SlotDraft("slot-2", "Racer 2", 2500, true));
		String secret = slot.getPublishSecret().value();
		Map<String, String> files = unzip(get(link(slot) + "/obs-profile.zip?service=rtmp").body());
		String folder = "greenroom-show-slot-2-rtmp/";
		assertThat(files.keySet()).containsExactly(folder, folder + "basic.ini", folder + "service.json",
				folder + "streamEncoder.json");
		Map<String, Map<String, String>> ini = ini(files.get(folder + "basic.ini"));
		assertThat(ini.get("General")).isEqualTo(Map.of("Name", "Greenroom show slot-2 RTMP (Racer 2)"));
		assertThat(ini.get("AdvOut")).containsEntry("AudioEncoder", "ffmpeg_aac").containsEntry("Encoder", "obs_x264");
		assertThat(ini.get("SimpleOutput")).containsEntry("StreamAudioEncoder", "aac")
			.containsEntry("VBitrate", "2500");
		Map<String, Object> service = json(files.get(folder + "service.json"));
		assertThat(service).isEqualTo(Map.of("type", "rtmp_custom", "settings",
				Map.of("server", "rtmp://127.0.0.1:1935/show", "key", "slot-2?key=" + secret, "use_auth", false)));
		assertThat(json(files.get(folder + "streamEncoder.json"))).containsEntry("bitrate", 2500)
			.containsEntry("x264opts", "bframes=0")
			.containsEntry("keyint_sec", 1);

		String url = "rtmp://127.0.0.1:1935/show/slot-2?key=" + secret;
		assertThat(publish("RTMP", url, 46001)).startsWith("{\"allowed\":true");
		closing("RTMP", url, "rtmp://127.0.0.1:1935/show/slot-2", 46001);
		this.catalog.rotateSecret(this.show.getId(), slot.getId());
		assertThat(publish("RTMP", url, 46002)).startsWith("{\"allowed\":false").contains("wrong stream key");
	}

	@Test
	void allSlotsZipHoldsOneProfileFolderPerSlotNamedAfterIt() throws Exception {
		App race = this.catalog.createApp("race");
		List<Slot> slots = this.catalog.createNumberedSlots(race.getId(), 3, 3000);
		ResponseEntity<byte[]> zip = this.greenroom.bean(HandoffAdminController.class)
			.downloadAllProfiles(race.getId(), "whip");
		assertThat(zip.getHeaders().getContentDisposition().getFilename())
			.isEqualTo("greenroom-race-obs-profiles-whip.zip");
		Map<String, String> files = unzip(zip.getBody());
		List<String> folders = files.keySet().stream().filter((name) -> name.endsWith("/")).toList();
		assertThat(folders).containsExactly("greenroom-race-slot-1-whip/", "greenroom-race-slot-2-whip/",
				"greenroom-race-slot-3-whip/");
		for (Slot slot : slots) {
			String folder = "greenroom-race-" + slot.getName() + "-whip/";
			assertThat(
					json(files.get(folder + "service.json")))
				.isEqualTo(Map.of("type", "whip_custom", "settings",
						Map.of("server", "http://127.0.0.1:3333/race/" + slot.getName() + "?direction=whip&key="
								+ slot.getPublishSecret().value(), "bearer_token", "")));
			assertThat(ini(files.get(folder + "basic.ini")).get("General")).containsEntry("Name",
					"Greenroom race " + slot.getName() + " WHIP (" + slot.getDisplayName() + ")");
		}
	}

	@Test
	void aLinkStopsWorkingWhenTheSlotIsDisabledAndWorksAgainWhenEnabled() throws Exception {
		Slot slot = this.catalog.createSlot(this.show.getId(), new SlotDraft("slot-3", "Racer 3", 2500, true));
		String link = link(slot);
		assertThat(getText(link).statusCode()).isEqualTo(200);
		this.catalog.setSlotEnabled(this.show.getId(), slot.getId(), false);
		HttpResponse<String> page = getText(link);
		assertThat(page.statusCode()).isEqualTo(410);
		assertThat(page.body()).contains("This streamer link is no longer valid").contains("Ask the producer");
		HttpResponse<String> status = getText(link + "/status");
		assertThat(status.statusCode()).isEqualTo(410);
		assertThat(status.body()).contains("\"valid\":false");
		this.catalog.setSlotEnabled(this.show.getId(), slot.getId(), true);
		assertThat(getText(link).statusCode()).isEqualTo(200);
	}

	@Test
	void theStreamerPageShowsOnlyItsOwnSlotAndAForgedLinkNothing() throws Exception {
		Slot mine = this.catalog.createSlot(this.show.getId(), new SlotDraft("slot-4", "Racer 4", 2500, true));
		Slot other = this.catalog.createSlot(this.show.getId(), new SlotDraft("slot-5", "Racer 5", 2500, true));
		HttpResponse<String> page = getText(link(mine));
		assertThat(page.body()).contains(mine.getPublishSecret().value())
			.doesNotContain(other.getPublishSecret().value())
			.doesNotContain("slot-5");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		String forged = this.greenroom.baseUrl() + "/go/" + other.getId() + "."
				+ link(mine).substring(link(mine).lastIndexOf('.') + 1);
		assertThat(getText(forged).statusCode()).isEqualTo(410);
		assertThat(getText(this.greenroom.baseUrl() + "/go/nonsense").statusCode()).isEqualTo(410);
	}

	private String link(Slot slot) {
		return this.greenroom.baseUrl() + StreamerLinks.PATH + this.greenroom.bean(StreamerLinks.class).token(slot);
	}

	private String publish(String protocol, String url, int port) throws Exception {
		return this.ome.send(OmeWebhook.opening("incoming", protocol, url, "172.18.0.9", port, null, null)).body();
	}

	private void closing(String protocol, String url, String newUrl, int port) throws Exception {
		this.ome.send(OmeWebhook.closing("incoming", protocol, url, newUrl, "172.18.0.9", port, null));
	}

	private static HttpResponse<byte[]> get(String url) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static HttpResponse<String> getText(String url) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Entry name to text, in the zip's order. */
	static Map<String, String> unzip(byte[] zip) throws IOException {
		Map<String, String> files = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return files;
	}

	/** An INI file as OBS's config parser reads it: section to key to value. */
	static Map<String, Map<String, String>> ini(String text) {
		Map<String, Map<String, String>> sections = new LinkedHashMap<>();
		List<String> order = new ArrayList<>();
		Map<String, String> current = null;
		for (String line : text.split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			if (line.startsWith("[") && line.endsWith("]")) {
				String name = line.substring(1, line.length() - 1);
				assertThat(order).as("section [%s] appears once", name).doesNotContain(name);
				order.add(name);
				current = new LinkedHashMap<>();
				sections.put(name, current);
				continue;
			}
			assertThat(current).as("key outside a section: %s", line).isNotNull();
			int equals = line.indexOf('=');
			assertThat(equals).as("key=value: %s", line).isPositive();
			current.put(line.substring(0, equals), line.substring(equals + 1));
		}
		return sections;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> json(String text) {
		return JSON.readValue(text, Map.class);
	}

}
