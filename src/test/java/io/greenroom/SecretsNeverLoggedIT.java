package io.greenroom;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After the unit tests: no secret any Greenroom instance of the run held (publish
 * secrets, OME's admission key and API token, the viewer-link key) appears anywhere in
 * what the run printed, which includes every log line of every in-process Greenroom.
 * {@link SecretScan} collected both during the run.
 */
class SecretsNeverLoggedIT {

	@Test
	void noSecretOfTheRunIsInItsOutput() throws IOException {
		String results = System.getProperty("greenroom.secret-scan.results");
		assertThat(results).as("the build names the scan's directory").isNotBlank();
		Path dir = Path.of(results);
		assertThat(dir).as("the unit tests ran with the scan (./mvnw verify)").isDirectory();
		Set<String> secrets = new HashSet<>();
		List<Path> outputs = new ArrayList<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				String name = file.getFileName().toString();
				if (name.startsWith("secrets-")) {
					Files.readAllLines(file).stream().filter((line) -> !line.isBlank()).forEach(secrets::add);
				}
				else if (name.startsWith("output-")) {
					outputs.add(file);
				}
			}
		}
		// Not vacuous: the run created many secrets and printed a great deal.
		assertThat(secrets).as("secrets the run created").hasSizeGreaterThan(50);
		assertThat(outputs).isNotEmpty();
		Set<Integer> lengths = new TreeSet<>();
		secrets.forEach((secret) -> lengths.add(secret.length()));
		long lines = 0;
		List<String> found = new ArrayList<>();
		for (Path output : outputs) {
			try (BufferedReader reader = Files.newBufferedReader(output, StandardCharsets.ISO_8859_1)) {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					lines++;
					String hit = firstSecretIn(line, lengths, secrets);
					if (hit != null && found.size() < 20) {
						found.add(hit.substring(0, 4) + "… in: " + line.replace(hit, "<secret>"));
					}
				}
			}
		}
		assertThat(lines).as("lines the run printed").isGreaterThan(2_000);
		assertThat(found).as("lines with a secret in them").isEmpty();
	}

	/**
	 * The first secret found in {@code line}, or null. A secret has no whitespace, so
	 * only the windows inside runs of non-whitespace at least as long as a secret are
	 * looked up.
	 */
	private static String firstSecretIn(String line, Set<Integer> lengths, Set<String> secrets) {
		int shortest = lengths.iterator().next();
		int start = 0;
		while (start < line.length()) {
			while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
				start++;
			}
			int end = start;
			while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
				end++;
			}
			if (end - start >= shortest) {
				for (int length : lengths) {
					for (int from = start; from + length <= end; from++) {
						String window = line.substring(from, from + length);
						if (secrets.contains(window)) {
							return window;
						}
					}
				}
			}
			start = end;
		}
		return null;
	}

}
