package io.greenroom.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /settings/backup}: the admin downloads an online backup of the H2 database
 * as {@code greenroom-backup-<time>.zip}. A POST (with the form's CSRF token) because it
 * does work on the server and hands out every secret Greenroom holds.
 */
@Controller
class BackupController {

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private final DatabaseBackup backup;

	private final Clock clock;

	BackupController(DatabaseBackup backup, Clock clock) {
		this.backup = backup;
		this.clock = clock;
	}

	@PostMapping("/settings/backup")
	ResponseEntity<Resource> downloadBackup() throws IOException {
		if (!this.backup.available()) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"This Greenroom runs on PostgreSQL: back it up with pg_dump");
		}
		// H2 writes the zip itself and wants a name that does not exist yet.
		Path zip = Files.createTempFile("greenroom-backup", ".zip");
		Files.delete(zip);
		try {
			this.backup.backUpTo(zip);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(zip);
			throw ex;
		}
		long size = Files.size(zip);
		InputStream content = Files.newInputStream(zip, StandardOpenOption.DELETE_ON_CLOSE);
		String name = "greenroom-backup-" + FILE_TIME.format(this.clock.instant()) + ".zip";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.contentLength(size)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(new InputStreamResource(content));
	}

}
