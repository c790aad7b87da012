package io.greenroom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and the pages under {@code docs/} hold together: every relative link and
 * image points at a file in the checkout, every {@code #anchor} at a heading of its page,
 * and the README keeps the test command CI reads. Settings are checked against the code
 * by {@code ConfigurationSettingsTests}.
 */
class DocumentationTests {

	private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

	private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");

	private static final Pattern FENCED = Pattern.compile("(?ms)^```.*?^```\\s*$");

	private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");

	@Test
	void everyRelativeLinkResolvesToAFileAndItsAnchorToAHeading() throws IOException {
		List<String> broken = new ArrayList<>();
		Map<Path, Set<String>> anchors = new HashMap<>();
		for (Path page : pages()) {
			for (String target : links(page)) {
				if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
					continue; // https:, mailto: and the like leave the checkout
				}
				int hash = target.indexOf('#');
				String file = (hash < 0) ? target : target.substring(0, hash);
				Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
				if (!resolved.startsWith(Path.of("").toAbsolutePath()) || !Files.exists(resolved)) {
					broken.add(page.getFileName() + ": " + target + " (no such file)");
					continue;
				}
				if (hash >= 0 && resolved.toString().endsWith(".md")) {
					String anchor = target.substring(hash + 1);
					if (!anchors.computeIfAbsent(resolved, DocumentationTests::headingAnchors).contains(anchor)) {
						broken.add(page.getFileName() + ": " + target + " (no such heading)");
					}
				}
			}
		}
		assertThat(broken).isEmpty();
	}

	@Test
	void linkCheckFindsABrokenLinkAndAMissingAnchor() throws IOException {
		Path page = Files.createTempFile("links", ".md");
		try {
			Files.writeString(page, """
					# Title

					See [a](no-such-file.md), [b](#title), [c](#nowhere) and `[d](ignored.md)`.

					```
					[e](also-ignored.md)
					```
					""");
			assertThat(links(page)).containsExactly("no-such-file.md", "#title", "#nowhere");
			assertThat(headingAnchors(page)).containsExactly("title");
		}
		finally {
			Files.delete(page);
		}
	}

	@Test
	void headingAnchorsFollowGithubRules() throws IOException {
		Path page = Files.createTempFile("anchors", ".md");
		try {
			Files.writeString(page, """
					# Run beside OME and Caddy (docker compose)
					## Edges, for more viewers
					## Edges, for more viewers
					""");
			assertThat(headingAnchors(page)).containsExactlyInAnyOrder("run-beside-ome-and-caddy-docker-compose",
					"edges-for-more-viewers", "edges-for-more-viewers-1");
		}
		finally {
			Files.delete(page);
		}
	}

	@Test
	void readmeKeepsTheTestCommandInAFencedBlock() throws IOException {
		assertThat(Files.readString(Path.of("README.md"))).contains("```sh\n./mvnw verify\n```");
	}

	@Test
	void readmeShowsTheDashboardScreenshot() throws IOException {
		assertThat(links(Path.of("README.md").toAbsolutePath())).contains("docs/images/dashboard.png");
		assertThat(Files.size(Path.of("docs", "images", "dashboard.png"))).isBetween(10_000L, 300_000L);
	}

	@Test
	void theDocumentationSpeaksOfTheProductNotOfHowItWasBuilt() throws IOException {
		Pattern narration = Pattern
			.compile("(?i)\\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) session\\b"
					+ "|\\bwe (tried|found|measured)\\b|\\bthe issue's\\b|\\bthe \\d+th run\\b");
		List<String> found = new ArrayList<>();
		for (Path page : pages()) {
			Matcher matcher = narration.matcher(Files.readString(page));
			while (matcher.find()) {
				found.add(page.getFileName() + ": " + matcher.group());
			}
		}
		assertThat(found).isEmpty();
	}

	private static List<Path> pages() throws IOException {
		List<Path> pages = new ArrayList<>();
		pages.add(Path.of("README.md").toAbsolutePath());
		try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md"))
				.map(Path::toAbsolutePath)
				.sorted()
				.forEach(pages::add);
		}
		assertThat(pages).as("README.md and docs/*.md").hasSizeGreaterThan(5);
		return pages;
	}

	private static List<String> links(Path page) throws IOException {
		String text = FENCED.matcher(Files.readString(page)).replaceAll("");
		text = INLINE_CODE.matcher(text).replaceAll("");
		List<String> targets = new ArrayList<>();
		Matcher link = LINK.matcher(text);
		while (link.find()) {
			targets.add(link.group(1));
		}
		return targets;
	}

	/** The anchors GitHub gives a page's headings. */
	private static Set<String> headingAnchors(Path page) {
		String text;
		try {
			text = FENCED.matcher(Files.readString(page)).replaceAll("");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Set<String> anchors = new HashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		Matcher heading = HEADING.matcher(text);
		while (heading.find()) {
			String slug = heading.group(1)
				.toLowerCase(Locale.ROOT)
				.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
				.replaceAll("[^\\p{L}\\p{N} _-]", "")
				.replace(' ', '-');
			int count = seen.merge(slug, 1, Integer::sum);
			anchors.add((count == 1) ? slug : slug + "-" + (count - 1));
		}
		return anchors;
	}

}
