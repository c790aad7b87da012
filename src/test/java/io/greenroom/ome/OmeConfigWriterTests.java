package io.greenroom.ome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OmeConfigWriterTests {

	@TempDir
	Path dir;

	@Test
	void writesTheFileAndKeepsThePreviousOneAsBak() throws IOException {
		OmeConfigWriter writer = new OmeConfigWriter();
		assertThat(writer.write(this.dir, "Server.xml", "<Server>one</Server>")).isTrue();
		assertThat(this.dir.resolve("Server.xml.bak")).doesNotExist();
		assertThat(writer.write(this.dir, "Server.xml", "<Server>two</Server>")).isTrue();
		assertThat(this.dir.resolve("Server.xml")).hasContent("<Server>two</Server>");
		assertThat(this.dir.resolve("Server.xml.bak")).hasContent("<Server>one</Server>");
		assertThat(files()).containsExactlyInAnyOrder("Server.xml", "Server.xml.bak");
	}

	@Test
	void leavesAnUnchangedFileAndItsBackupAlone() throws IOException {
		OmeConfigWriter writer = new OmeConfigWriter();
		writer.write(this.dir, "Server.xml", "<Server>one</Server>");
		writer.write(this.dir, "Server.xml", "<Server>two</Server>");
		assertThat(writer.write(this.dir, "Server.xml", "<Server>two</Server>")).isFalse();
		assertThat(this.dir.resolve("Server.xml.bak")).hasContent("<Server>one</Server>");
	}

	@Test
	void keepsTheOldFileWhenTheDiskFillsUpMidWrite() throws IOException {
		new OmeConfigWriter().write(this.dir, "Server.xml", "<Server>old</Server>");
		OmeConfigWriter full = new OmeConfigWriter((written) -> {
			throw new IOException("No space left on device");
		});
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> full.write(this.dir, "Server.xml", "<Server>new</Server>"))
			.withMessageContaining("No space left");
		assertThat(this.dir.resolve("Server.xml")).hasContent("<Server>old</Server>");
		assertThat(files()).as("no half-written or temporary file stays behind").containsExactly("Server.xml");
	}

	@Test
	void failsClearlyWhenTheDirectoryCannotBeCreated() throws IOException {
		Path notADirectory = Files.writeString(this.dir.resolve("ome-conf"), "a file, not a directory");
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> new OmeConfigWriter().write(notADirectory, "Server.xml", "<Server/>"));
		assertThat(notADirectory).hasContent("a file, not a directory");
	}

	private java.util.List<String> files() throws IOException {
		try (Stream<Path> list = Files.list(this.dir)) {
			return list.map((p) -> p.getFileName().toString()).toList();
		}
	}

}
