package io.greenroom.handoff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.greenroom.publish.PublishEndpoints;
import io.greenroom.stream.Slot;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OBS profile for one slot: the folder OBS's Profile → Import takes, holding
 * {@code basic.ini}, {@code service.json} and {@code streamEncoder.json}, with the slot's
 * current secret in it.
 * <p>
 * Every file, section and key name below is OBS's own, checked against obs-studio's
 * source (master, August 2026):
 * <ul>
 * <li>Import copies {@code basic.ini} (required), {@code service.json},
 * {@code streamEncoder.json} and {@code recordEncoder.json} from the chosen folder, and
 * names the profile after {@code [General] Name}:
 * {@code frontend/widgets/OBSBasic_Profiles.cpp}
 * ({@code on_actionImportProfile_triggered}, {@code RefreshProfiles}).</li>
 * <li>{@code service.json} is {@code {"type": ..., "settings": {...}}}:
 * {@code frontend/widgets/OBSBasic_Service.cpp}
 * ({@code SaveService}/{@code LoadService}). The WHIP service is {@code whip_custom} with
 * settings {@code server} and {@code bearer_token}
 * ({@code plugins/obs-webrtc/whip-service.cpp}); custom RTMP is {@code rtmp_custom} with
 * {@code server}, {@code key} and {@code use_auth}
 * ({@code plugins/rtmp-services/rtmp-custom.c}).</li>
 * <li>{@code streamEncoder.json} holds the x264 encoder's settings {@code rate_control},
 * {@code bitrate}, {@code keyint_sec}, {@code preset}, {@code tune}, {@code x264opts} and
 * {@code bf} (B-frames), read in {@code plugins/obs-x264/obs-x264.c}
 * ({@code obs_x264_defaults}, {@code update_params}); the advanced output loads it in
 * {@code frontend/utility/AdvancedOutput.cpp}.</li>
 * <li>{@code basic.ini}: {@code [Output] Mode} is {@code Simple} or {@code Advanced}
 * ({@code OutputModeFromIdx} in {@code frontend/settings/OBSBasicSettings.cpp});
 * {@code [AdvOut] Encoder}, {@code AudioEncoder}, {@code TrackIndex},
 * {@code ApplyServiceSettings} ({@code OBSBasicSettings.cpp} {@code SaveOutputSettings},
 * {@code AdvancedOutput.cpp}); {@code [SimpleOutput] StreamEncoder}, {@code VBitrate},
 * {@code Preset}, {@code x264Settings} ({@code OBSBasicSettings.cpp},
 * {@code frontend/utility/SimpleOutput.cpp}) and {@code StreamAudioEncoder}, which OBS
 * forces to Opus for WHIP ({@code OBSBasic_Service.cpp} {@code LoadService}). The encoder
 * ids {@code obs_x264}, {@code ffmpeg_opus} and {@code ffmpeg_aac} are the ids the x264
 * and FFmpeg plugins register.</li>
 * </ul>
 */
public final class ObsProfile {

	/** Which OBS service the profile sets up. */
	public enum Service {

		/** OBS 30+ "WHIP" service: lowest latency, over UDP. */
		WHIP,
		/** "Custom..." RTMP service: any OBS, better on lossy connections. */
		RTMP;

		/** {@code whip} or {@code rtmp}, as in URLs and folder names. */
		public String slug() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** The service for a URL parameter, WHIP unless it says {@code rtmp}. */
		public static Service of(String value) {
			return "rtmp".equalsIgnoreCase(value) ? RTMP : WHIP;
		}

	}

	/**
	 * Keyframe interval in seconds: OME's WebRTC players start and recover at keyframes.
	 */
	public static final int KEYFRAME_INTERVAL_SECONDS = 1;

	/** x264 CPU usage preset. */
	public static final String PRESET = "veryfast";

	/** x264 tune: no look-ahead buffering. */
	public static final String TUNE = "zerolatency";

	/** x264 options: B-frames break WebRTC playback. */
	public static final String X264_OPTIONS = "bframes=0";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String folder;

	private final String basicIni;

	private final String serviceJson;

	private final String streamEncoderJson;

	private ObsProfile(String folder, String basicIni, String serviceJson, String streamEncoderJson) {
		this.folder = folder;
		this.basicIni = basicIni;
		this.serviceJson = serviceJson;
		this.streamEncoderJson = streamEncoderJson;
	}

	/** The profile for a slot as it is now, with its current secret. */
	public static ObsProfile of(Slot slot, Service service, PublishEndpoints endpoints) {
		String app = slot.getApp().getName();
		String secret = slot.getPublishSecret().value();
		String folder = "greenroom-" + app + "-" + slot.getName() + "-" + service.slug();
		String name = "Greenroom " + app + " " + slot.getName() + " " + service.name() + " ("
				+ iniSafe(slot.getDisplayName()) + ")";
		boolean whip = service == Service.WHIP;
		String basicIni = String.join("\n", "[General]", "Name=" + name, "", "[Output]", "Mode=Advanced", "",
				"[AdvOut]", "Encoder=obs_x264", "AudioEncoder=" + (whip ? "ffmpeg_opus" : "ffmpeg_aac"), "TrackIndex=1",
				"ApplyServiceSettings=false", "", "[SimpleOutput]", "StreamEncoder=x264",
				"StreamAudioEncoder=" + (whip ? "opus" : "aac"), "VBitrate=" + slot.getBitrateKbps(),
				"Preset=" + PRESET, "x264Settings=" + X264_OPTIONS, "") + "\n";
		Map<String, Object> settings = new LinkedHashMap<>();
		if (whip) {
			settings.put("server", endpoints.whipUrl(app, slot.getName(), secret));
			// OME ignores the bearer token: the secret is in the server URL.
			settings.put("bearer_token", "");
		}
		else {
			settings.put("server", endpoints.rtmpServer(app));
			settings.put("key", endpoints.rtmpStreamKey(slot.getName(), secret));
			settings.put("use_auth", false);
		}
		Map<String, Object> serviceFile = new LinkedHashMap<>();
		serviceFile.put("type", whip ? "whip_custom" : "rtmp_custom");
		serviceFile.put("settings", settings);
		Map<String, Object> encoder = new LinkedHashMap<>();
		encoder.put("rate_control", "CBR");
		encoder.put("bitrate", slot.getBitrateKbps());
		encoder.put("keyint_sec", KEYFRAME_INTERVAL_SECONDS);
		encoder.put("preset", PRESET);
		encoder.put("tune", TUNE);
		encoder.put("x264opts", X264_OPTIONS);
		encoder.put("bf", 0);
		return new ObsProfile(folder, basicIni, json(serviceFile), json(encoder));
	}

	/** The folder name, which OBS keeps as the profile's directory. */
	public String folder() {
		return this.folder;
	}

	/** A zip holding this one profile folder. */
	public byte[] zip() {
		return zip(List.of(this));
	}

	/** A zip holding one folder per profile. */
	public static byte[] zip(List<ObsProfile> profiles) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			for (ObsProfile profile : profiles) {
				profile.writeTo(zip);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private void writeTo(ZipOutputStream zip) throws IOException {
		zip.putNextEntry(new ZipEntry(this.folder + "/"));
		zip.closeEntry();
		entry(zip, "basic.ini", this.basicIni);
		entry(zip, "service.json", this.serviceJson);
		entry(zip, "streamEncoder.json", this.streamEncoderJson);
	}

	private void entry(ZipOutputStream zip, String file, String text) throws IOException {
		zip.putNextEntry(new ZipEntry(this.folder + "/" + file));
		zip.write(text.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private static String json(Object value) {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
	}

	/** A display name fit for one INI value: no line breaks or control characters. */
	private static String iniSafe(String text) {
		return text.replaceAll("\\p{Cntrl}", " ").strip();
	}

	@Override
	public String toString() {
		return "ObsProfile[" + this.folder + ", secret=<redacted>]";
	}

}
