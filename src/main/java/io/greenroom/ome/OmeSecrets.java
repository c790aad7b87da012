package io.greenroom.ome;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The secrets in OME's {@code Server.xml}, and the viewer-link key, generated on first
 * use and persisted, so a restart of either side keeps them. Cached after the first read.
 * Never logged.
 *
 * @see OmeSecretValues
 */
@Service
public class OmeSecrets {

	static final String API_ACCESS_TOKEN = "api-access-token";

	static final String ADMISSION_SECRET_KEY = "admission-secret-key";

	static final String VIEWER_TOKEN_KEY = "viewer-token-key";

	private final Map<String, String> cache = new ConcurrentHashMap<>();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final OmeSecretRepository repository;

	private final TransactionTemplate transactions;

	private final Clock clock;

	OmeSecrets(OmeSecretRepository repository, TransactionTemplate transactions, Clock clock) {
		this.repository = repository;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The secrets, generating any that do not exist yet. */
	public OmeSecretValues current() {
		return new OmeSecretValues(getOrCreate(API_ACCESS_TOKEN), getOrCreate(ADMISSION_SECRET_KEY));
	}

	/** The key OME signs admission requests with. */
	public String admissionSecretKey() {
		return getOrCreate(ADMISSION_SECRET_KEY);
	}

	/** The key Greenroom signs viewer links with; OME never sees it. */
	public String viewerTokenKey() {
		return getOrCreate(VIEWER_TOKEN_KEY);
	}

	private String getOrCreate(String name) {
		return this.cache.computeIfAbsent(name, this::load);
	}

	private String load(String name) {
		String value = this.transactions.execute((status) -> this.repository.findById(name)
			.orElseGet(() -> this.repository.saveAndFlush(new OmeSecret(name, generate(), this.clock.instant())))
			.getSecret());
		if (value == null) {
			throw new IllegalStateException("No value for OME secret " + name);
		}
		return value;
	}

	private static String generate() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
