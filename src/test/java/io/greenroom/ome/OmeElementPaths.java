package io.greenroom.ome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The element paths in OME configuration files, commented-out examples included, and the
 * committed lists of them ({@code src/test/resources/ome/paths/}).
 * <p>
 * It also regenerates such a list from an OME source checkout, with nothing but a JDK:
 * <pre>
 * java src/test/java/io/greenroom/ome/OmeElementPaths.java 0.20.0 \
 *     ~/OvenMediaEngine/misc/conf_examples Server.xml Origin.xml Edge.xml Logger.xml \
 *     &gt; src/test/resources/ome/paths/0.20.0.txt
 * </pre> See {@code src/test/resources/ome/paths/README.md}.
 */
public final class OmeElementPaths {

	private static final Pattern COMMENT = Pattern.compile("<!--(.*?)-->", Pattern.DOTALL);

	private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9]*)\\b[^<>]*?(/?)>");

	private OmeElementPaths() {
	}

	/**
	 * Writes the list for one OME version to standard output.
	 * @param args the OME version, the directory of its sample configs, then the file
	 * names to read
	 * @throws IOException if a file cannot be read
	 */
	public static void main(String[] args) throws IOException {
		if (args.length < 3) {
			System.err.println("usage: OmeElementPaths VERSION CONF_DIR FILE...");
			System.exit(2);
		}
		Path dir = Path.of(args[1]);
		List<String> files = List.of(args).subList(2, args.length);
		Set<String> paths = new TreeSet<>();
		for (String file : files) {
			paths.addAll(paths(Files.readString(dir.resolve(file))));
		}
		StringBuilder out = new StringBuilder();
		out.append("# OME ")
			.append(args[0])
			.append(": element paths in misc/conf_examples/")
			.append(String.join(", ", files))
			.append('\n');
		out.append("# including commented-out examples; regenerate with OmeElementPaths (see README.md)\n");
		paths.forEach((path) -> out.append(path).append('\n'));
		System.out.print(out);
	}

	/**
	 * Reads a committed list: one path a line, lines starting with {@code #} are its
	 * header.
	 * @param text the list's text
	 * @return its paths
	 */
	static Set<String> readList(String text) {
		Set<String> paths = new TreeSet<>();
		for (String line : text.split("\n")) {
			String path = line.strip();
			if (!path.isEmpty() && !path.startsWith("#")) {
				paths.add(path);
			}
		}
		return paths;
	}

	/**
	 * Element paths in a text. Each comment is read as a fragment in the context where it
	 * stands, and whatever it leaves open (prose such as "put &lt;AccessToken&gt; in the
	 * header") is dropped when the comment ends.
	 * @param text XML, possibly with commented-out examples
	 * @return every path, as {@code Server/Bind/Providers}
	 */
	static Set<String> paths(String text) {
		Set<String> paths = new TreeSet<>();
		Deque<String> stack = new ArrayDeque<>();
		Matcher comments = COMMENT.matcher(text);
		int at = 0;
		while (comments.find()) {
			read(text.substring(at, comments.start()), stack, paths);
			read(comments.group(1), new ArrayDeque<>(stack), paths);
			at = comments.end();
		}
		read(text.substring(at), stack, paths);
		return paths;
	}

	private static void read(String text, Deque<String> stack, Set<String> paths) {
		Matcher matcher = TAG.matcher(text);
		while (matcher.find()) {
			String name = matcher.group(2);
			if (matcher.group(1).isEmpty()) {
				stack.addLast(name);
				paths.add(String.join("/", stack));
				if (!matcher.group(3).isEmpty()) {
					stack.removeLast();
				}
			}
			else if (stack.contains(name)) {
				while (!stack.removeLast().equals(name)) {
					// unwind elements an example left open
				}
			}
		}
	}

}
