package io.greenroom.web.admin;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * Every setting a user may need to change, with its environment variable and default. The
 * settings page shows them read-only; a test keeps the table in
 * {@code docs/configuration.md} in step with this list.
 */
final class ConfigurationSettings {

	/**
	 * One setting.
	 *
	 * @param property the Spring property name
	 * @param environmentVariable the environment variable that sets it
	 * @param defaultValue the default, as a person reads it
	 * @param description what it does
	 * @param secret whether its value must never be shown
	 */
	record Setting(String property, String environmentVariable, String defaultValue, String description,
			boolean secret) {

		String currentValue(Environment environment) {
			@Nullable String value = environment.getProperty(this.property);
			if (this.secret) {
				return (value == null || value.isEmpty()) ? "not set" : "set (hidden)";
			}
			return (value == null || value.isEmpty()) ? "not set" : value;
		}

	}

	static final List<Setting> ALL = List.of(
			new Setting("server.port", "SERVER_PORT", "8080", "Port the dashboard and pages listen on.", false),
			new Setting("greenroom.public.host", "GREENROOM_PUBLIC_HOST", "localhost",
					"Public host name of the server, used in every URL given to streamers and viewers.", false),
			new Setting("greenroom.public.tls-proxy", "GREENROOM_PUBLIC_TLS_PROXY", "true",
					"true: WHIP and signalling go through Caddy on https/wss. false: straight to OME on http/ws (LAN).",
					false),
			new Setting("greenroom.public.https-port", "GREENROOM_PUBLIC_HTTPS_PORT", "443",
					"Port Caddy serves https on.", false),
			new Setting("greenroom.public.signalling-path", "GREENROOM_PUBLIC_SIGNALLING_PATH", "/ome",
					"Path prefix under which Caddy forwards WHIP and WebRTC signalling to OME.", false),
			new Setting("greenroom.public.signalling-port", "GREENROOM_PUBLIC_SIGNALLING_PORT", "3333",
					"OME's WHIP and signalling port, used when tls-proxy is false.", false),
			new Setting("greenroom.public.rtmp-port", "GREENROOM_PUBLIC_RTMP_PORT", "1935", "OME's RTMP port.", false),
			new Setting("greenroom.public.edge-hosts", "GREENROOM_PUBLIC_EDGE_HOSTS", "(empty)",
					"Comma-separated OME edge hosts; viewer pages spread their players over them. Empty: viewers use this host.",
					false),
			new Setting("greenroom.ome.config-dir", "GREENROOM_OME_CONFIG_DIR", "./data/ome-conf",
					"Where Server.xml and Logger.xml are written; mount it as OME's origin_conf.", false),
			new Setting("greenroom.ome.ice-host", "GREENROOM_OME_ICE_HOST", "*",
					"Address OME advertises in ICE candidates and its TCP relay when OME's own OME_HOST_IP is unset.",
					false),
			new Setting("greenroom.ome.ice-ports", "GREENROOM_OME_ICE_PORTS", "10000-10004/udp",
					"WebRTC media ports (UDP).", false),
			new Setting("greenroom.ome.tcp-relay-port", "GREENROOM_OME_TCP_RELAY_PORT", "3478",
					"OME's built-in TURN relay over TCP.", false),
			new Setting("greenroom.ome.tcp-force", "GREENROOM_OME_TCP_FORCE", "true",
					"Make viewers use the TCP relay (reliable through firewalls).", false),
			new Setting("greenroom.ome.api-port", "GREENROOM_OME_API_PORT", "8081", "OME's REST API port.", false),
			new Setting("greenroom.ome.api-url", "GREENROOM_OME_API_URL", "http://ome:8081",
					"Where Greenroom reaches OME's REST API (never exposed publicly).", false),
			new Setting("greenroom.ome.admission-url", "GREENROOM_OME_ADMISSION_URL",
					"http://greenroom:8080/ome/admission", "Greenroom's admission webhook as OME reaches it.", false),
			new Setting("greenroom.ome.admission-timeout-ms", "GREENROOM_OME_ADMISSION_TIMEOUT_MS", "3000",
					"How long OME waits for an admission answer before it denies.", false),
			new Setting("greenroom.ome.edges", "GREENROOM_OME_EDGES", "false",
					"Publish OVT on port 9000 so edge servers can pull from this origin.", false),
			new Setting("greenroom.ome.tls-cert-path", "GREENROOM_OME_TLS_CERT_PATH", "(none)",
					"Certificate for OME without Caddy; with the key it adds TLS on port 3334.", false),
			new Setting("greenroom.ome.tls-key-path", "GREENROOM_OME_TLS_KEY_PATH", "(none)",
					"Private key for that certificate.", false),
			new Setting("greenroom.ome.tls-chain-cert-path", "GREENROOM_OME_TLS_CHAIN_CERT_PATH", "(none)",
					"Chain for that certificate.", false),
			new Setting("greenroom.ome.restart-command", "GREENROOM_OME_RESTART_COMMAND", "(none)",
					"Command that restarts OME when a change needs it, e.g. systemctl restart ovenmediaengine.", false),
			new Setting("greenroom.ome.restart-marker", "GREENROOM_OME_RESTART_MARKER", "(none)",
					"Instead of a command: a file Greenroom writes for a supervisor that restarts OME.", false),
			new Setting("greenroom.admission.max-wrong-keys", "GREENROOM_ADMISSION_MAX_WRONG_KEYS", "10",
					"Wrong stream keys from one address, within the window, before it is refused outright.", false),
			new Setting("greenroom.admission.window", "GREENROOM_ADMISSION_WINDOW", "1m",
					"The window those wrong keys are counted in.", false),
			new Setting("greenroom.admission.cool-down", "GREENROOM_ADMISSION_COOL_DOWN", "5m",
					"How long such an address is refused.", false),
			new Setting("greenroom.admission.max-tracked-addresses", "GREENROOM_ADMISSION_MAX_TRACKED_ADDRESSES",
					"10000",
					"Addresses remembered at most (36 bytes each, reserved at start); those whose window"
							+ " has passed are forgotten first, then the least recently seen, and those in their cool-down last.",
					false),
			new Setting("greenroom.admission.trusted-proxies", "GREENROOM_ADMISSION_TRUSTED_PROXIES",
					"127.0.0.0/8,::1,172.29.213.0/24",
					"Proxies (addresses or CIDR blocks, comma-separated) whose X-Real-IP is believed: loopback and the"
							+ " network docker-compose.yml pins. From any other peer OME's real_ip is only recorded as a"
							+ " claim, and wrong keys are blamed on the peer. Empty: believe no one. See docs/proxies.md.",
					false),
			new Setting("greenroom.admission.snapshot-file", "GREENROOM_ADMISSION_SNAPSHOT_FILE",
					"./data/admission-snapshot.json",
					"Where Greenroom keeps a copy of what admission decides from, so that a restart answers OME"
							+ " within about a second instead of after the whole start. It holds secrets: readable by"
							+ " its owner only. Empty: no copy.",
					false),
			new Setting("greenroom.notify.queue-capacity", "GREENROOM_NOTIFY_QUEUE_CAPACITY", "500",
					"Notification messages that may wait to be sent; when full the oldest is dropped and counted on the Notifications page.",
					false),
			new Setting("greenroom.notify.timeout", "GREENROOM_NOTIFY_TIMEOUT", "10s",
					"Longest one post to a notification target may take (connect, read and whole call).", false),
			new Setting("greenroom.notify.max-attempts", "GREENROOM_NOTIFY_MAX_ATTEMPTS", "6",
					"Tries per notification on timeouts, 5xx answers and rate limits before it is given up.", false),
			new Setting("greenroom.notify.retry-backoff", "GREENROOM_NOTIFY_RETRY_BACKOFF", "1s",
					"Wait before the first retry of a notification; it doubles with each retry (up to 5 minutes), with random jitter.",
					false),
			new Setting("greenroom.notify.max-retry-after", "GREENROOM_NOTIFY_MAX_RETRY_AFTER", "60s",
					"Longest wait when Discord answers 429, whatever it asks for.", false),
			new Setting("greenroom.notify.reconnect-grace", "GREENROOM_NOTIFY_RECONNECT_GRACE", "30s",
					"A stream back within this after a drop gives no offline/live messages, only a reconnected line in the next one; offline messages wait this long.",
					false),
			new Setting("greenroom.notify.stale-after", "GREENROOM_NOTIFY_STALE_AFTER", "10m",
					"Notifications left unsent at shutdown are sent after the next start unless older than this.",
					false),
			new Setting("greenroom.notify.allow-insecure-urls", "GREENROOM_NOTIFY_ALLOW_INSECURE_URLS", "false",
					"Accept http://127.0.0.1 and http://localhost notification target URLs. For tests only.", false),
			new Setting("greenroom.notify.ome-down-after", "GREENROOM_NOTIFY_OME_DOWN_AFTER", "60s",
					"How long OME's API must fail to answer the live poller before targets that asked are told; they are told again when it answers.",
					false),
			new Setting("greenroom.live.poll-interval", "GREENROOM_LIVE_POLL_INTERVAL", "2s",
					"How often the live board's figures are read from OME's REST API while a board is open or metrics are scraped.",
					false),
			new Setting("greenroom.live.heartbeat", "GREENROOM_LIVE_HEARTBEAT", "10s",
					"How often OME's streams are read when nobody watches: slots OME no longer has go off air, streams Greenroom missed are adopted.",
					false),
			new Setting("greenroom.metrics.prometheus-token", "GREENROOM_METRICS_PROMETHEUS_TOKEN", "(empty: off)",
					"Bearer token a Prometheus scraper sends to read /actuator/prometheus. Empty: the endpoint answers 404.",
					true),
			new Setting("greenroom.admin.username", "GREENROOM_ADMIN_USERNAME", "admin", "Admin login name.", false),
			new Setting("greenroom.admin.password", "GREENROOM_ADMIN_PASSWORD", "(generated on first start)",
					"Admin password. When set it is applied at every start and cannot be changed in the dashboard.",
					true),
			new Setting("spring.datasource.url", "GREENROOM_DB_URL", "jdbc:h2:file:./data/greenroom;CACHE_SIZE=2048",
					"Database. The default keeps an H2 file under ./data; the postgres profile defaults to "
							+ "jdbc:postgresql://postgres/greenroom.",
					false),
			new Setting("spring.datasource.username", "GREENROOM_DB_USERNAME", "sa (H2), greenroom (postgres)",
					"Database user.", false),
			new Setting("spring.datasource.password", "GREENROOM_DB_PASSWORD", "(empty)", "Database password.", true),
			new Setting("spring.profiles.active", "SPRING_PROFILES_ACTIVE", "(none)",
					"Set to postgres to use PostgreSQL instead of the H2 file.", false));

	private ConfigurationSettings() {
	}

}
