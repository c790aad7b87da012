package io.greenroom.admission;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.greenroom.stream.AccessPolicy;
import io.greenroom.stream.DuplicatePublisher;
import io.greenroom.stream.PublishSecret;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Everything admission decides from, in one file: the keys OME and viewer links are
 * signed with and every app and slot as {@link SlotDirectory} holds them. Greenroom
 * rewrites it whenever the catalogue changes, and reads it at the next start, so
 * {@link EarlyAdmission} can answer OME within a second of the process starting instead
 * of after the whole application is up. It holds secrets: it is written readable by its
 * owner only, as the database is.
 *
 * @param version the file's format, {@link #VERSION}
 * @param database which database it was read from ({@link #databaseId}): a snapshot of
 * another one is not used
 * @param admissionKey the key OME signs admission requests with
 * @param viewerKey the key viewer links are signed with
 * @param apps every app with its slots
 */
record AdmissionSnapshot(int version, String database, String admissionKey, String viewerKey, List<AppRecord> apps) {

	static final int VERSION = 1;

	/**
	 * Token by token, without an object mapper: read before the application (and its
	 * mapper) exists, it costs a few classes instead of a mapper's hundreds.
	 */
	private static final JsonFactory JSON = new JsonFactory();

	/**
	 * An app as admission sees it.
	 *
	 * @param id its id
	 * @param name its name
	 * @param privateViewing whether viewers need a signed link
	 * @param onDuplicate what a second publisher gets
	 * @param slots its slots
	 */
	record AppRecord(@Nullable Long id, String name, boolean privateViewing, DuplicatePublisher onDuplicate,
			List<SlotRecord> slots) {
	}

	/**
	 * A slot as admission sees it.
	 *
	 * @param id its id
	 * @param name its name
	 * @param secret its publish secret
	 * @param enabled whether it may publish
	 * @param displayName what people call it
	 */
	record SlotRecord(long id, String name, String secret, boolean enabled, String displayName) {
	}

	/**
	 * Names a database without writing its URL down (a URL can carry a password): the
	 * SHA-256 of the URL, in hex.
	 */
	static String databaseId(String url) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java has SHA-256", ex);
		}
	}

	static AdmissionSnapshot of(Map<String, SlotDirectory.AppEntry> directory, String database, String admissionKey,
			String viewerKey) {
		List<AppRecord> apps = new ArrayList<>(directory.size());
		directory.forEach((name, app) -> {
			List<SlotRecord> slots = new ArrayList<>(app.slots().size());
			app.slots()
				.forEach((slot, entry) -> slots.add(new SlotRecord(entry.id(), slot, entry.secret().value(),
						entry.enabled(), entry.displayName())));
			apps.add(new AppRecord(app.id(), name, app.policy().privateViewing(), app.policy().onDuplicate(), slots));
		});
		return new AdmissionSnapshot(VERSION, database, admissionKey, viewerKey, apps);
	}

	/** The apps and slots as {@link SlotDirectory} holds them. */
	Map<String, SlotDirectory.AppEntry> directory() {
		Map<String, SlotDirectory.AppEntry> directory = new HashMap<>();
		for (AppRecord app : this.apps) {
			Map<String, SlotDirectory.SlotEntry> slots = new HashMap<>();
			for (SlotRecord slot : app.slots()) {
				slots.put(slot.name(), new SlotDirectory.SlotEntry(slot.id(), new PublishSecret(slot.secret()),
						slot.enabled(), LivePublishers.key(app.name(), slot.name()), slot.displayName()));
			}
			directory.put(app.name(), new SlotDirectory.AppEntry(app.id(),
					new AccessPolicy(app.privateViewing(), app.onDuplicate()), Map.copyOf(slots)));
		}
		return Map.copyOf(directory);
	}

	/**
	 * Writes the file whole or not at all: into a new file beside it, readable by its
	 * owner only, then moved over the old one.
	 */
	void write(Path file) throws IOException {
		Path target = file.toAbsolutePath();
		Path directory = target.getParent();
		Files.createDirectories(directory);
		Path temporary = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
				? Files.createTempFile(directory, ".admission-snapshot", ".tmp",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
				: Files.createTempFile(directory, ".admission-snapshot", ".tmp");
		try {
			try (OutputStream out = Files.newOutputStream(temporary);
					JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
				writeTo(json);
			}
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private void writeTo(JsonGenerator json) {
		json.writeStartObject();
		json.writeNumberProperty("version", this.version);
		json.writeStringProperty("database", this.database);
		json.writeStringProperty("admissionKey", this.admissionKey);
		json.writeStringProperty("viewerKey", this.viewerKey);
		json.writeArrayPropertyStart("apps");
		for (AppRecord app : this.apps) {
			json.writeStartObject();
			if (app.id() != null) {
				json.writeNumberProperty("id", app.id().longValue());
			}
			json.writeStringProperty("name", app.name());
			json.writeBooleanProperty("privateViewing", app.privateViewing());
			json.writeStringProperty("onDuplicate", app.onDuplicate().name());
			json.writeArrayPropertyStart("slots");
			for (SlotRecord slot : app.slots()) {
				json.writeStartObject();
				json.writeNumberProperty("id", slot.id());
				json.writeStringProperty("name", slot.name());
				json.writeStringProperty("secret", slot.secret());
				json.writeBooleanProperty("enabled", slot.enabled());
				json.writeStringProperty("displayName", slot.displayName());
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeEndObject();
		}
		json.writeEndArray();
		json.writeEndObject();
	}

	/**
	 * The snapshot in {@code file}, or null when there is none.
	 * @throws IOException when it cannot be read or is not a snapshot this version writes
	 */
	static @Nullable AdmissionSnapshot read(Path file) throws IOException {
		if (!Files.exists(file)) {
			return null;
		}
		try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), file)) {
			AdmissionSnapshot snapshot = readSnapshot(json);
			if (json.nextToken() != null) {
				throw notASnapshot();
			}
			return snapshot;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			// Jackson's message can quote the file, and the file holds secrets.
			throw notASnapshot();
		}
	}

	private static AdmissionSnapshot readSnapshot(JsonParser json) throws IOException {
		expect(json, JsonToken.START_OBJECT);
		int version = -1;
		String database = null;
		String admissionKey = null;
		String viewerKey = null;
		List<AppRecord> apps = null;
		while (json.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = json.currentName();
			json.nextToken();
			switch (name) {
				case "version" -> version = json.getIntValue();
				case "database" -> database = text(json);
				case "admissionKey" -> admissionKey = text(json);
				case "viewerKey" -> viewerKey = text(json);
				case "apps" -> apps = readArray(json, AdmissionSnapshot::readApp);
				default -> json.skipChildren();
			}
		}
		if (version != VERSION || database == null || admissionKey == null || viewerKey == null || apps == null) {
			throw new IOException("not a snapshot this version of Greenroom wrote");
		}
		return new AdmissionSnapshot(version, database, admissionKey, viewerKey, apps);
	}

	/** Reads one element of an array; the parser is at the element's start. */
	private interface ElementReader<T> {

		T read(JsonParser json) throws IOException;

	}

	private static <T> List<T> readArray(JsonParser json, ElementReader<T> element) throws IOException {
		check(json, JsonToken.START_ARRAY);
		List<T> elements = new ArrayList<>();
		while (json.nextToken() == JsonToken.START_OBJECT) {
			elements.add(element.read(json));
		}
		check(json, JsonToken.END_ARRAY);
		return elements;
	}

	private static AppRecord readApp(JsonParser json) throws IOException {
		Long id = null;
		String name = null;
		boolean privateViewing = false;
		DuplicatePublisher onDuplicate = null;
		List<SlotRecord> slots = null;
		while (json.nextToken() == JsonToken.PROPERTY_NAME) {
			String property = json.currentName();
			json.nextToken();
			switch (property) {
				case "id" -> id = json.getLongValue();
				case "name" -> name = text(json);
				case "privateViewing" -> privateViewing = json.getBooleanValue();
				case "onDuplicate" -> onDuplicate = DuplicatePublisher.valueOf(text(json));
				case "slots" -> slots = readArray(json, AdmissionSnapshot::readSlot);
				default -> json.skipChildren();
			}
		}
		if (name == null || onDuplicate == null || slots == null) {
			throw notASnapshot();
		}
		return new AppRecord(id, name, privateViewing, onDuplicate, slots);
	}

	private static SlotRecord readSlot(JsonParser json) throws IOException {
		long id = -1;
		String name = null;
		String secret = null;
		boolean enabled = false;
		String displayName = null;
		while (json.nextToken() == JsonToken.PROPERTY_NAME) {
			String property = json.currentName();
			json.nextToken();
			switch (property) {
				case "id" -> id = json.getLongValue();
				case "name" -> name = text(json);
				case "secret" -> secret = text(json);
				case "enabled" -> enabled = json.getBooleanValue();
				case "displayName" -> displayName = text(json);
				default -> json.skipChildren();
			}
		}
		if (id < 0 || name == null || secret == null || displayName == null) {
			throw notASnapshot();
		}
		return new SlotRecord(id, name, secret, enabled, displayName);
	}

	private static String text(JsonParser json) throws IOException {
		check(json, JsonToken.VALUE_STRING);
		return json.getString();
	}

	private static void expect(JsonParser json, JsonToken token) throws IOException {
		json.nextToken();
		check(json, token);
	}

	private static void check(JsonParser json, JsonToken token) throws IOException {
		if (json.currentToken() != token) {
			throw notASnapshot();
		}
	}

	private static IOException notASnapshot() {
		return new IOException("not a snapshot Greenroom wrote");
	}

	@Override
	public String toString() {
		return "AdmissionSnapshot[" + this.apps.size() + " apps]";
	}

}
