package io.greenroom.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.greenroom.admission.OmeWebhook;

/**
 * Asks Greenroom for admission the way OME does for a WebRTC viewer, every 10 ms, each on
 * a new connection as OME's webhook client makes them, until {@code STOP_FILE} exists. It
 * prints the longest stretch without an answer: while Greenroom restarts, that is how
 * long nobody can publish or join.
 * <p>
 * Arguments: {@code BASE_URL SEED_FILE STOP_FILE}.
 */
public final class RestartGapProbe {

	private RestartGapProbe() {
	}

	public static void main(String[] args) throws Exception {
		URI uri = URI.create(args[0] + "/ome/admission");
		List<String> seed = Files.readAllLines(Path.of(args[1]));
		Path stop = Path.of(args[2]);
		String key = seed.get(0);
		String[] slot = seed.get(1).split(" ");
		String body = OmeWebhook.opening("outgoing", "WebRTC", "ws://127.0.0.1:3333/" + slot[0] + "/" + slot[1],
				AdmissionLoadGenerator.PEER, 40000, "198.51.100.7", "Mozilla/5.0 Chrome/156");
		String signature = OmeWebhook.signature(key, body);
		long lastAnswer = System.nanoTime();
		long longestGap = 0;
		long gapEndedAt = 0;
		long answers = 0;
		long failures = 0;
		// Every stretch over 200 ms, in order: the restart itself, and any other.
		List<String> gaps = new ArrayList<>();
		while (!Files.exists(stop)) {
			long sent = System.nanoTime();
			// A new connection per request: no kept-alive connection outlives the old
			// process.
			try (RawHttpConnection connection = new RawHttpConnection(uri.getHost(), uri.getPort())) {
				RawHttpConnection.Response response = connection.post(uri.getPath(), signature, body);
				if (response.status() == 200 && response.body().contains("\"allowed\":true")) {
					long now = System.nanoTime();
					if (now - lastAnswer > 200_000_000L) {
						gaps.add(String.format("%.2f s", (now - lastAnswer) / 1e9));
					}
					if (now - lastAnswer > longestGap) {
						longestGap = now - lastAnswer;
						gapEndedAt = System.currentTimeMillis();
					}
					lastAnswer = now;
					answers++;
				}
				else {
					failures++;
				}
			}
			catch (java.io.IOException | RuntimeException ex) {
				failures++;
			}
			long left = 10_000_000L - (System.nanoTime() - sent);
			if (left > 0) {
				Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
			}
		}
		System.out.printf(
				"admission answers: %d, failed requests: %d; longest time without an answer: %.2f s"
						+ " (ended at %d); every time over 200 ms: %s%n",
				answers, failures, longestGap / 1e9, gapEndedAt, String.join(", ", gaps));
	}

}
