package io.greenroom.admission;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.greenroom.ome.OmeSecrets;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link AdmissionSnapshot} file up to date: {@link SlotDirectory} hands over
 * every new copy, and one background thread writes the latest (a burst of changes is one
 * write), so neither admission nor the dashboard waits for the disk.
 */
final class AdmissionSnapshotWriter implements AutoCloseable {

	/** The writer thread's name, as {@link BackgroundPriority} knows it. */
	static final String THREAD = "admission-snap";

	private static final Logger logger = LoggerFactory.getLogger(AdmissionSnapshotWriter.class);

	private final @Nullable Path file;

	private final String database;

	private final OmeSecrets secrets;

	private final AtomicReference<Map<String, SlotDirectory.AppEntry>> pending = new AtomicReference<>();

	private final ExecutorService thread = Executors.newSingleThreadExecutor((runnable) -> {
		Thread thread = new Thread(runnable, THREAD);
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean failing;

	/**
	 * @param file where to write, or null for nowhere
	 * @param database the database URL, named in the file by its hash
	 * @param secrets the keys admission checks with
	 */
	AdmissionSnapshotWriter(@Nullable Path file, String database, OmeSecrets secrets) {
		this.file = file;
		this.database = AdmissionSnapshot.databaseId(database);
		this.secrets = secrets;
	}

	/** Writes {@code directory} soon, unless a newer copy comes first. */
	void changed(Map<String, SlotDirectory.AppEntry> directory) {
		if (this.file != null && this.pending.getAndSet(directory) == null) {
			this.thread.execute(this::writeLatest);
		}
	}

	private void writeLatest() {
		Map<String, SlotDirectory.AppEntry> directory = this.pending.getAndSet(null);
		Path file = this.file;
		if (directory == null || file == null) {
			return;
		}
		try {
			AdmissionSnapshot
				.of(directory, this.database, this.secrets.admissionSecretKey(), this.secrets.viewerTokenKey())
				.write(file);
			if (this.failing) {
				this.failing = false;
				logger.info("Wrote the admission snapshot {} again", file);
			}
		}
		catch (IOException | RuntimeException ex) {
			if (!this.failing) {
				this.failing = true;
				logger.warn("Could not write the admission snapshot {} ({}); until it is written, a restart answers "
						+ "OME only once Greenroom is up", file, ex.toString());
			}
		}
	}

	/** Writes what is pending, then stops. */
	@Override
	public void close() throws InterruptedException {
		this.thread.shutdown();
		this.thread.awaitTermination(5, TimeUnit.SECONDS);
	}

}
