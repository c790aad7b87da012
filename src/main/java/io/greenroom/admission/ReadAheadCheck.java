package io.greenroom.admission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Warns once at start when a disk of this host reads ahead so far that Greenroom, inside
 * a tight memory limit, spends its time re-reading its own code.
 * <p>
 * The class archive and the JDK's libraries are mapped files: under a memory limit the
 * kernel drops their pages and reads them back on the next touch. Each such page fault
 * reads the disk's whole read-ahead window around the page, and every page read in evicts
 * another. With 128 KB (the kernel's default) a page fault costs a little; with several
 * megabytes (some cloud disks announce that) the benchmark's 256 MB run went from about
 * 200 page faults to 8,000 and from a p99 of 4.5 ms to 13 ms. The fix is a host setting
 * ({@code docs/deploy.md}, "Disk read-ahead"), so Greenroom only says so.
 * <p>
 * Reads {@code /sys/block/*}{@code /queue/read_ahead_kb} of real disks (those with a
 * {@code device}: not loop, RAM or zram devices) and the memory Greenroom may use (its
 * cgroup's limit, else the host's memory); Docker shows the host's {@code /sys/block}
 * read-only, which is enough.
 */
class ReadAheadCheck {

	/** Above this a page fault reads more than a few pages' worth around the page. */
	static final long WARN_ABOVE_KB = 1024;

	/** Hosts with more memory than this have room for the archive to stay cached. */
	static final long MEMORY_AT_MOST = 2L * 1024 * 1024 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(ReadAheadCheck.class);

	private final Path blocks;

	private final List<Path> limits;

	private final Path meminfo;

	ReadAheadCheck() {
		this(Path.of("/sys/block"),
				List.of(Path.of("/sys/fs/cgroup/memory.max"), Path.of("/sys/fs/cgroup/memory/memory.limit_in_bytes")),
				Path.of("/proc/meminfo"));
	}

	ReadAheadCheck(Path blocks, List<Path> limits, Path meminfo) {
		this.blocks = blocks;
		this.limits = limits;
		this.meminfo = meminfo;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		String warning = warning();
		if (warning != null) {
			logger.warn(warning);
		}
	}

	/**
	 * The warning to give, or null when read-ahead is small, memory is ample or unknown.
	 */
	String warning() {
		OptionalLong memory = memory();
		if (memory.isEmpty() || memory.getAsLong() > MEMORY_AT_MOST) {
			return null;
		}
		List<String> large = new ArrayList<>();
		try (Stream<Path> disks = Files.list(this.blocks)) {
			for (Path disk : (Iterable<Path>) disks.sorted()::iterator) {
				if (!Files.exists(disk.resolve("device"))) {
					continue;
				}
				OptionalLong kb = number(disk.resolve("queue/read_ahead_kb"));
				if (kb.isPresent() && kb.getAsLong() > WARN_ABOVE_KB) {
					large.add(disk.getFileName() + " " + kb.getAsLong() + " KB");
				}
			}
		}
		catch (IOException ex) {
			return null;
		}
		if (large.isEmpty()) {
			return null;
		}
		return "Disk read-ahead is large on this host (" + String.join(", ", large) + ") for the "
				+ memory.getAsLong() / (1024 * 1024) + " MB Greenroom may use: each page the kernel has to read back"
				+ " brings megabytes with it, and admission answers slow down. Set it to 128 KB (docs/deploy.md,"
				+ " \"Disk read-ahead\").";
	}

	/** The cgroup's memory limit if there is one, else the host's memory. */
	private OptionalLong memory() {
		for (Path limit : this.limits) {
			OptionalLong bytes = number(limit);
			// cgroup v1 says "no limit" with a number near 2^63; v2 with "max".
			if (bytes.isPresent() && bytes.getAsLong() < (1L << 50)) {
				return bytes;
			}
		}
		try {
			for (String line : Files.readAllLines(this.meminfo, StandardCharsets.US_ASCII)) {
				if (line.startsWith("MemTotal:")) {
					return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// Unknown: no warning.
		}
		return OptionalLong.empty();
	}

	private static OptionalLong number(Path file) {
		try {
			return OptionalLong.of(Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip()));
		}
		catch (IOException | NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

}
