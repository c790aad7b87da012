package io.greenroom.admission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read-ahead warning, against a made-up {@code /sys} and {@code /proc/meminfo} in a
 * temporary directory.
 */
class ReadAheadCheckTests {

	@TempDir
	Path root;

	@Test
	void warnsOfALargeReadAheadInsideATightLimitNamingTheDiskAndTheFix() throws IOException {
		disk("vda", 8192, true);
		disk("loop0", 8192, false);
		disk("vdb", 128, true);
		Path limit = write("memory.limit_in_bytes", String.valueOf(256L * 1024 * 1024));

		String warning = check(List.of(limit), meminfo(16L * 1024 * 1024)).warning();

		assertThat(warning).contains("vda 8192 KB").contains("256 MB").contains("128 KB").contains("Disk read-ahead");
		assertThat(warning).doesNotContain("loop0").doesNotContain("vdb");
	}

	@Test
	void saysNothingWhenReadAheadIsTheKernelsDefault() throws IOException {
		disk("vda", 128, true);
		Path limit = write("memory.max", String.valueOf(256L * 1024 * 1024));

		assertThat(check(List.of(limit), meminfo(1024 * 1024)).warning()).isNull();
	}

	@Test
	void saysNothingWhenMemoryIsAmple() throws IOException {
		disk("vda", 8192, true);
		// cgroup v2 without a limit, cgroup v1 without a limit, 16 GB of host memory.
		Path v2 = write("memory.max", "max");
		Path v1 = write("memory.limit_in_bytes", "9223372036854771712");

		assertThat(check(List.of(v2, v1), meminfo(16L * 1024 * 1024)).warning()).isNull();
	}

	@Test
	void withoutACgroupLimitTheHostsMemoryDecides() throws IOException {
		disk("sda", 4096, true);

		String warning = check(List.of(this.root.resolve("missing")), meminfo(1024 * 1024)).warning();

		assertThat(warning).contains("sda 4096 KB").contains("1024 MB");
	}

	@Test
	void saysNothingWhereThereIsNoSysBlock() {
		ReadAheadCheck check = new ReadAheadCheck(this.root.resolve("no-sys"), List.of(), this.root.resolve("none"));

		assertThat(check.warning()).isNull();
	}

	private ReadAheadCheck check(List<Path> limits, Path meminfo) {
		return new ReadAheadCheck(this.root.resolve("block"), limits, meminfo);
	}

	private void disk(String name, long kb, boolean real) throws IOException {
		Path disk = Files.createDirectories(this.root.resolve("block").resolve(name).resolve("queue"));
		Files.writeString(disk.resolve("read_ahead_kb"), kb + "\n");
		if (real) {
			Files.createDirectories(disk.getParent().resolve("device"));
		}
	}

	private Path meminfo(long kb) throws IOException {
		return write("meminfo", "MemTotal:       " + kb + " kB\nMemFree:        1000 kB\n");
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.root.resolve(name), content + "\n");
	}

}
