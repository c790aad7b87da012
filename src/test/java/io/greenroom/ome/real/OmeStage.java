package io.greenroom.ome.real;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.greenroom.GreenroomInstance;
import io.greenroom.publish.PublishEndpoints;
import io.greenroom.stream.StreamCatalog;

/**
 * Greenroom and a real OME wired to each other on loopback, for one test class: Greenroom
 * starts on a chosen port and writes {@code Server.xml} for the chosen OME ports; the
 * test sets up its apps; OME starts from that file, with its admission webhook pointing
 * at this Greenroom and Greenroom's "Apply" restarting it.
 */
public final class OmeStage implements AutoCloseable {

	private final GreenroomInstance greenroom;

	private final RealOme ome;

	private final List<Process> publishers = new ArrayList<>();

	private OmeStage(GreenroomInstance greenroom, RealOme ome) {
		this.greenroom = greenroom;
		this.ome = ome;
	}

	/**
	 * Starts both. Skips (or under {@code CI} fails) when no OME binary is configured.
	 * @param workDir a directory the stage owns
	 * @param setup creates apps and slots before OME reads its first {@code Server.xml}
	 * @param omeEnvironment extra environment for OME, for example {@code OME_HOST_IP}
	 * @param properties extra Greenroom properties ({@code name=value})
	 * @return the running stage
	 * @throws IOException when OME cannot be started
	 */
	public static OmeStage start(Path workDir, Consumer<StreamCatalog> setup, Map<String, String> omeEnvironment,
			String... properties) throws IOException {
		Path binary = RealOme.binary();
		RealOme.Ports ports = RealOme.Ports.free();
		Path greenroomConfig = workDir.resolve("greenroom-ome-conf");
		RealOme ome = RealOme.prepare(binary, greenroomConfig, Files.createDirectories(workDir.resolve("ome")), ports,
				omeEnvironment);
		List<String> all = new ArrayList<>(ports.greenroomProperties("127.0.0.1"));
		all.add("greenroom.ome.config-dir=" + greenroomConfig.toAbsolutePath());
		all.add("greenroom.ome.restart-command=" + ome.restartCommand());
		all.addAll(List.of(properties));
		GreenroomInstance greenroom = GreenroomInstance.startWithH2File(workDir, all.toArray(String[]::new));
		try {
			setup.accept(greenroom.bean(StreamCatalog.class));
			ome.start();
		}
		catch (IOException | RuntimeException | Error ex) {
			ome.close();
			greenroom.close();
			throw ex;
		}
		return new OmeStage(greenroom, ome);
	}

	/**
	 * Closes a test's browser, then its stage; either may be null when its start failed.
	 * @param browser the browser, or null
	 * @param stage the stage, or null
	 * @throws Exception when closing the browser fails (the stage is closed anyway)
	 */
	public static void close(AutoCloseable browser, OmeStage stage) throws Exception {
		try {
			if (browser != null) {
				browser.close();
			}
		}
		finally {
			if (stage != null) {
				stage.close();
			}
		}
	}

	public GreenroomInstance greenroom() {
		return this.greenroom;
	}

	public RealOme ome() {
		return this.ome;
	}

	public <T> T bean(Class<T> type) {
		return this.greenroom.bean(type);
	}

	/** The RTMP URL ffmpeg takes: the slot page's server and stream key joined. */
	public String rtmpPublishUrl(String app, String slot, String secret) {
		PublishEndpoints endpoints = bean(PublishEndpoints.class);
		return endpoints.rtmpServer(app) + "/" + endpoints.rtmpStreamKey(slot, secret);
	}

	/**
	 * Starts ffmpeg publishing a 320x180 test pattern with a tone over RTMP (H.264
	 * without B-frames, keyframe every second, AAC), in real time, until stopped.
	 * @param url the RTMP URL
	 * @return ffmpeg's process; stopped at {@link #close()} at the latest
	 * @throws IOException when ffmpeg cannot be started
	 */
	public Process publishRtmp(String url) throws IOException {
		Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-re", "-f",
				"lavfi", "-i", "testsrc=size=320x180:rate=30", "-f", "lavfi", "-i",
				"sine=frequency=440:sample_rate=48000", "-c:v", "libx264", "-preset", "ultrafast", "-tune",
				"zerolatency", "-bf", "0", "-g", "30", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", "-f", "flv",
				url)
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		this.publishers.add(ffmpeg);
		return ffmpeg;
	}

	/** Restarts OME through Greenroom's Apply and waits until it answers again. */
	public void applyAndAwaitRestart() {
		long before = this.ome.pid();
		io.greenroom.ome.ApplyResult result = bean(io.greenroom.ome.OmeConfiguration.class).apply();
		if (!result.ok()) {
			throw new IllegalStateException("Apply failed: " + result.message());
		}
		this.ome.awaitRestarted(before);
	}

	@Override
	public void close() {
		for (Process publisher : this.publishers) {
			publisher.destroyForcibly();
		}
		try {
			this.ome.close();
		}
		finally {
			this.greenroom.close();
		}
	}

}
