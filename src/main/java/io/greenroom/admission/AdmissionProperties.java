package io.greenroom.admission;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Brute-force protection of the admission webhook.
 *
 * @param maxWrongKeys wrong keys from one address, within {@code window}, before it is
 * refused outright ({@code GREENROOM_ADMISSION_MAX_WRONG_KEYS}, default {@code 10})
 * @param window the counting window ({@code GREENROOM_ADMISSION_WINDOW}, default
 * {@code 1m})
 * @param coolDown how long such an address is refused
 * ({@code GREENROOM_ADMISSION_COOL_DOWN}, default {@code 5m})
 * @param maxTrackedAddresses how many addresses are remembered at most, 36 bytes each,
 * reserved at start ({@code GREENROOM_ADMISSION_MAX_TRACKED_ADDRESSES}, default
 * {@code 10000})
 * @param trustedProxies the proxies whose {@code X-Real-IP} (OME's
 * {@code client.real_ip}) is believed: addresses or CIDR blocks, IPv4 or IPv6,
 * comma-separated. From any other peer {@code real_ip} is only recorded as a claim, and
 * wrong keys are blamed on the peer itself. Empty: believe no one.
 * ({@code GREENROOM_ADMISSION_TRUSTED_PROXIES}, default
 * {@code 127.0.0.0/8,::1,172.29.213.0/24}: loopback, where Caddy runs beside OME on one
 * host, and the network {@code docker-compose.yml} pins for Caddy and OME)
 * @param snapshotFile where the {@link AdmissionSnapshot} is kept, so that the next start
 * answers OME within a second ({@link EarlyAdmission}); empty: nowhere, and a start
 * answers only once it is up ({@code GREENROOM_ADMISSION_SNAPSHOT_FILE}, default
 * {@code ./data/admission-snapshot.json}, beside the default database)
 */
@ConfigurationProperties("greenroom.admission")
@Validated
public record AdmissionProperties(@DefaultValue("10") @Min(1) @Max(1000) int maxWrongKeys,
		@DefaultValue("1m") Duration window, @DefaultValue("5m") Duration coolDown,
		@DefaultValue("10000") @Min(10) @Max(1000000) int maxTrackedAddresses, @DefaultValue( {
				"127.0.0.0/8", "::1", COMPOSE_NETWORK }) List<String> trustedProxies,
		@DefaultValue(DEFAULT_SNAPSHOT_FILE) String snapshotFile){

	/** Beside the default database file. */
	static final String DEFAULT_SNAPSHOT_FILE = "./data/admission-snapshot.json";

	/**
	 * The subnet {@code docker-compose.yml} pins for its network, so Caddy's address
	 * there is known in advance.
	 */
	public static final String COMPOSE_NETWORK = "172.29.213.0/24";

	public AdmissionProperties {
		// Fails start-up with one line naming the setting when an entry is malformed.
		TrustedProxies.check(trustedProxies);
		trustedProxies = List.copyOf(trustedProxies);
	}

	/** The snapshot file, or null when there is none. */
	@Nullable Path snapshotPath() {
		return this.snapshotFile.isBlank() ? null : Path.of(this.snapshotFile.trim());
	}

	/** Largest admission body accepted; OME's are well under 1 KB. */
	public static final int MAX_BODY_BYTES = 16 * 1024;

}
