package io.greenroom.ome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import io.greenroom.publish.PublicProperties;
import io.greenroom.stream.AppsChanged;
import io.greenroom.stream.StreamCatalog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps OME's {@code Server.xml} and {@code Logger.xml} in step with the database:
 * written at startup and after every app change, and applied by restarting OME on
 * request.
 */
@Service
public class OmeConfiguration {

	/** Greenroom's path for OME's admission webhook, the same behind Caddy and inside. */
	public static final String ADMISSION_PATH = "/ome/admission";

	static final String SERVER_XML = "Server.xml";

	static final String LOGGER_XML = "Logger.xml";

	/** A host name an edge may have. */
	public static final String EDGE_HOST = "[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?";

	private static final Logger logger = LoggerFactory.getLogger(OmeConfiguration.class);

	private final StreamCatalog catalog;

	private final OmeSecrets secrets;

	private final OmeProperties properties;

	private final PublicProperties publicProperties;

	private final OmeAppliedRepository applied;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ServerXmlGenerator generator = new ServerXmlGenerator();

	private final OmeConfigWriter writer;

	private final RestartHook restartHook;

	private volatile @Nullable Instant writtenAt;

	private volatile @Nullable String writeError;

	@Autowired
	OmeConfiguration(StreamCatalog catalog, OmeSecrets secrets, OmeProperties properties,
			PublicProperties publicProperties, OmeAppliedRepository applied, TransactionTemplate transactions,
			Clock clock) {
		this(catalog, secrets, properties, publicProperties, applied, transactions, clock, new OmeConfigWriter());
	}

	OmeConfiguration(StreamCatalog catalog, OmeSecrets secrets, OmeProperties properties,
			PublicProperties publicProperties, OmeAppliedRepository applied, TransactionTemplate transactions,
			Clock clock, OmeConfigWriter writer) {
		this.catalog = catalog;
		this.secrets = secrets;
		this.properties = properties;
		this.publicProperties = publicProperties;
		this.applied = applied;
		this.transactions = transactions;
		this.clock = clock;
		this.writer = writer;
		this.restartHook = new RestartHook(properties.restartCommand(), properties.restartMarker(), writer, clock);
	}

	@EventListener(ApplicationReadyEvent.class)
	void writeAtStartup() {
		write();
		if (this.writeError == null) {
			this.transactions.executeWithoutResult((status) -> {
				if (this.applied.findById(OmeApplied.ID).isEmpty()) {
					// First start: OME has never run with any other file of ours.
					this.applied.save(new OmeApplied(fingerprint(generate()), this.clock.instant()));
				}
			});
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void onAppsChanged(AppsChanged event) {
		write();
	}

	/**
	 * Generates and writes the files now; a failure is kept for the dashboard, not
	 * thrown.
	 */
	public synchronized void write() {
		Path dir = this.properties.configDir();
		try {
			String xml = generate();
			boolean changed = this.writer.write(dir, SERVER_XML, xml);
			this.writer.write(dir, LOGGER_XML,
					new ClassPathResource("config-templates/Logger.xml").getContentAsString(StandardCharsets.UTF_8));
			this.writtenAt = this.clock.instant();
			this.writeError = null;
			if (changed) {
				logger.info("Wrote {}", dir.resolve(SERVER_XML).toAbsolutePath());
			}
		}
		catch (IOException | RuntimeException ex) {
			this.writeError = "Could not write " + dir.resolve(SERVER_XML).toAbsolutePath() + ": " + describe(ex)
					+ ". OME keeps the previous file.";
			logger.error("Could not write OME configuration to {}: {}", dir.toAbsolutePath(), describe(ex));
		}
	}

	/** The current {@code Server.xml} as generated now, secrets included. */
	public String generate() {
		ServerXmlGenerator.Settings settings = new ServerXmlGenerator.Settings(this.properties,
				this.publicProperties.host(), this.publicProperties.rtmpPort(), this.publicProperties.signallingPort());
		List<ApplicationSpec> apps = this.catalog.allApps().stream().map(ApplicationSpec::of).toList();
		return this.generator.generate(settings, apps, this.secrets.current());
	}

	/**
	 * {@code Server.xml} for an edge named {@code edgeHost} that pulls from this origin
	 * at the public host name, secrets included.
	 */
	public String generateEdge(String edgeHost) {
		if (!edgeHost.matches(EDGE_HOST)) {
			throw new IllegalArgumentException("Not a host name: use letters, digits, '.' and '-' only");
		}
		ServerXmlGenerator.Settings settings = new ServerXmlGenerator.Settings(this.properties, edgeHost,
				this.publicProperties.rtmpPort(), this.publicProperties.signallingPort());
		List<ApplicationSpec> apps = this.catalog.allApps().stream().map(ApplicationSpec::of).toList();
		return this.generator.generateEdge(settings, this.publicProperties.host(), edgeAdmissionUrl(), apps,
				this.secrets.current());
	}

	/**
	 * Where an edge elsewhere reaches the admission webhook: through Caddy on this host,
	 * which routes {@value #ADMISSION_PATH} to Greenroom (OME signs every call, so the
	 * route can be public). On a LAN without Caddy, the configured URL.
	 */
	String edgeAdmissionUrl() {
		PublicProperties pub = this.publicProperties;
		if (!pub.tlsProxy()) {
			return this.properties.admissionUrl();
		}
		return "https://" + pub.host() + ((pub.httpsPort() == 443) ? "" : ":" + pub.httpsPort()) + ADMISSION_PATH;
	}

	/** The current {@code Server.xml} with its secrets replaced by dots. */
	public String generateMasked() {
		return this.secrets.current().mask(generate());
	}

	public OmeConfigStatus status() {
		String current = fingerprint(generate());
		boolean restartNeeded = this.applied.findById(OmeApplied.ID)
			.map((row) -> !row.getFingerprint().equals(current))
			.orElse(true);
		return new OmeConfigStatus(this.properties.configDir().resolve(SERVER_XML).toAbsolutePath(), this.writtenAt,
				this.writeError, restartNeeded, this.restartHook.describe(), this.restartHook.configured());
	}

	/** Writes the files, then restarts OME through the configured hook. */
	public synchronized ApplyResult apply() {
		write();
		if (this.writeError != null) {
			return new ApplyResult(false, this.writeError);
		}
		ApplyResult result = this.restartHook.run();
		if (result.ok()) {
			recordApplied();
			logger.info("Applied OME configuration: {}", result.message());
		}
		else {
			logger.warn("Applying OME configuration failed: {}", result.message());
		}
		return result;
	}

	/**
	 * Records that OME was restarted by hand with the current file, for installations
	 * without a restart hook: the producer ran the restart and says so.
	 */
	public synchronized ApplyResult confirmRestartedByHand() {
		write();
		if (this.writeError != null) {
			return new ApplyResult(false, this.writeError);
		}
		recordApplied();
		logger.info("OME configuration marked as applied: restarted by hand");
		return new ApplyResult(true, "Noted: OME runs with the current configuration. If OME was not restarted, "
				+ "app changes stay invisible to it until it is.");
	}

	private void recordApplied() {
		String current = fingerprint(generate());
		this.transactions.executeWithoutResult((status) -> this.applied.findById(OmeApplied.ID)
			.ifPresentOrElse((row) -> row.applied(current, this.clock.instant()),
					() -> this.applied.save(new OmeApplied(current, this.clock.instant()))));
	}

	private static String describe(Exception ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? " (" + message + ")" : "");
	}

	static String fingerprint(String content) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
