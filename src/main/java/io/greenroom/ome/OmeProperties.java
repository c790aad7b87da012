package io.greenroom.ome;

import java.nio.file.Path;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Greenroom writes and applies OME's configuration.
 *
 * @param configDir where {@code Server.xml} and {@code Logger.xml} are written
 * ({@code GREENROOM_OME_CONFIG_DIR}, default {@code ./data/ome-conf})
 * @param iceHost address OME advertises in its ICE candidates and its TCP relay (TURN)
 * URL when OME's own {@code OME_HOST_IP} is unset: the server's public address
 * ({@code GREENROOM_OME_ICE_HOST}, default {@code *}, OME's interface addresses)
 * @param icePorts ICE candidate port range ({@code GREENROOM_OME_ICE_PORTS}, default
 * {@code 10000-10004/udp})
 * @param tcpRelayPort OME's built-in TURN relay over TCP
 * ({@code GREENROOM_OME_TCP_RELAY_PORT}, default {@code 3478})
 * @param tcpForce make viewers use the TCP relay ({@code GREENROOM_OME_TCP_FORCE},
 * default {@code true})
 * @param apiPort OME's REST API port ({@code GREENROOM_OME_API_PORT}, default
 * {@code 8081})
 * @param apiUrl where Greenroom reaches OME's REST API ({@code GREENROOM_OME_API_URL},
 * default {@code http://ome:8081})
 * @param admissionUrl Greenroom's admission webhook as OME reaches it
 * ({@code GREENROOM_OME_ADMISSION_URL}, default
 * {@code http://greenroom:8080/ome/admission})
 * @param admissionTimeoutMs how long OME waits for an admission answer
 * ({@code GREENROOM_OME_ADMISSION_TIMEOUT_MS}, default {@code 3000})
 * @param edges whether edges pull from this origin over OVT on port 9000
 * ({@code GREENROOM_OME_EDGES}, default {@code false})
 * @param tlsCertPath certificate for OME without Caddy
 * ({@code GREENROOM_OME_TLS_CERT_PATH}, no default)
 * @param tlsKeyPath its private key ({@code GREENROOM_OME_TLS_KEY_PATH}, no default)
 * @param tlsChainCertPath its chain ({@code GREENROOM_OME_TLS_CHAIN_CERT_PATH}, no
 * default)
 * @param restartCommand command that restarts OME ({@code GREENROOM_OME_RESTART_COMMAND},
 * no default)
 * @param restartMarker file a supervisor watches to restart OME
 * ({@code GREENROOM_OME_RESTART_MARKER}, no default)
 */
@ConfigurationProperties("greenroom.ome")
@Validated
public record OmeProperties(@DefaultValue("./data/ome-conf") @NotNull Path configDir,
		@DefaultValue("*") @Pattern(regexp = "\\*|[A-Za-z0-9.:\\[\\]-]+",
				message = "must be * or an IP address or host name") String iceHost,
		@DefaultValue("10000-10004/udp") @Pattern(regexp = "\\d{1,5}(-\\d{1,5})?/udp",
				message = "must look like 10000-10004/udp") String icePorts,
		@DefaultValue("3478") @Min(1) @Max(65535) int tcpRelayPort, @DefaultValue("true") boolean tcpForce,
		@DefaultValue("8081") @Min(1) @Max(65535) int apiPort,
		@DefaultValue("http://ome:8081") @Pattern(regexp = "https?://\\S+",
				message = "must be an http:// or https:// URL") String apiUrl,
		@DefaultValue("http://greenroom:8080/ome/admission") @NotBlank @Pattern(regexp = "https?://\\S+",
				message = "must be an http:// or https:// URL") String admissionUrl,
		@DefaultValue("3000") @Min(100) @Max(60000) int admissionTimeoutMs, @DefaultValue("false") boolean edges,
		@Nullable String tlsCertPath, @Nullable String tlsKeyPath, @Nullable String tlsChainCertPath,
		@Nullable String restartCommand, @Nullable String restartMarker) {

	/** OVT port edges pull from. */
	public static final int OVT_PORT = 9000;

	/** OME's signalling TLS port, bound only when a certificate is configured. */
	public static final int SIGNALLING_TLS_PORT = 3334;

	boolean tls() {
		return hasText(this.tlsCertPath) && hasText(this.tlsKeyPath);
	}

	static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
