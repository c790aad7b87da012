package io.greenroom.ome;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Writes a config file so that a reader only ever sees the old file or the whole new one:
 * a temporary file in the same directory, fsync, then an atomic rename. The previous
 * version is kept as {@code NAME.bak}. On any failure the old file is left untouched and
 * no temporary file stays behind.
 */
class OmeConfigWriter {

	/** Runs after the new content is on disk and before it replaces the old file. */
	interface BeforeCommit {

		void check(Path written) throws IOException;

	}

	private final BeforeCommit beforeCommit;

	OmeConfigWriter() {
		this((written) -> {
		});
	}

	/** For tests that simulate a disk filling up between write and rename. */
	OmeConfigWriter(BeforeCommit beforeCommit) {
		this.beforeCommit = beforeCommit;
	}

	/**
	 * Writes {@code content} to {@code dir/fileName}.
	 * @return false when the file already held exactly this content
	 */
	boolean write(Path dir, String fileName, String content) throws IOException {
		Files.createDirectories(dir);
		Path target = dir.resolve(fileName);
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
			return false;
		}
		Path temp = Files.createTempFile(dir, "." + fileName + ".", ".tmp");
		Path backupTemp = null;
		try {
			writeAndSync(temp, bytes);
			this.beforeCommit.check(temp);
			if (Files.isRegularFile(target)) {
				backupTemp = Files.createTempFile(dir, "." + fileName + ".bak.", ".tmp");
				Files.copy(target, backupTemp, StandardCopyOption.REPLACE_EXISTING);
				Files.move(backupTemp, dir.resolve(fileName + ".bak"), StandardCopyOption.ATOMIC_MOVE,
						StandardCopyOption.REPLACE_EXISTING);
			}
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			syncDirectory(dir);
			return true;
		}
		finally {
			Files.deleteIfExists(temp);
			if (backupTemp != null) {
				Files.deleteIfExists(backupTemp);
			}
		}
	}

	private static void writeAndSync(Path file, byte[] bytes) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			ByteBuffer buffer = ByteBuffer.wrap(bytes);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			channel.force(true);
		}
	}

	private static void syncDirectory(Path dir) {
		// Makes the rename itself durable; not every file system lets a directory be
		// opened.
		try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// best effort
		}
	}

}
