package io.greenroom.layout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import io.greenroom.GreenroomInstance;
import io.greenroom.stream.App;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.SlotWentLive;
import io.greenroom.stream.SlotWentOffline;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A viewer page that goes away (a tab closed, OBS's source removed) leaves its
 * {@code /live/APP} event stream behind: the next changes find the connection gone, and
 * that is not an error worth a stack trace. Greenroom is followed by every viewer page,
 * so on show day this happens hundreds of times.
 */
@ExtendWith(OutputCaptureExtension.class)
class LiveStatusDisconnectTests {

	@TempDir
	Path data;

	@Test
	void aViewerThatLeftIsForgottenWithoutAnErrorInTheLog(CapturedOutput output) throws Exception {
		try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(this.data)) {
			StreamCatalog catalog = greenroom.bean(StreamCatalog.class);
			App show = catalog.createApp("show");
			catalog.createSlot(show.getId(), new SlotDraft("slot-1", "Racer 1", 2500, true));
			URI base = URI.create(greenroom.baseUrl());
			try (Socket viewer = new Socket(base.getHost(), base.getPort())) {
				OutputStream request = viewer.getOutputStream();
				request.write(("GET /live/show HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				request.flush();
				BufferedReader events = new BufferedReader(
						new InputStreamReader(viewer.getInputStream(), StandardCharsets.UTF_8));
				for (String line = events.readLine(); line != null
						&& !line.startsWith("event:live"); line = events.readLine()) {
					// Headers, then the first event with the live slots.
				}
			}
			int before = output.getAll().length();
			// What admission announces when the slot goes live and off again: each sends
			// the live list to the pages that follow the app.
			LiveStatus status = greenroom.bean(LiveStatus.class);
			for (int i = 0; i < 10; i++) {
				status.onLive(new SlotWentLive("show", "slot-1", "RTMP", Instant.now(), SlotWentLive.ADMITTED));
				Thread.sleep(100);
				status.onOffline(new SlotWentOffline("show", "slot-1", "closed", Instant.now()));
				Thread.sleep(100);
			}
			assertThat(status.openStreams("show")).as("the stream is forgotten").isZero();
			String after = output.getAll().substring(before);
			assertThat(after).doesNotContain(" ERROR ").doesNotContain("\tat ");
		}
	}

}
