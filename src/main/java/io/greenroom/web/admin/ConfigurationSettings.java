package io.greenroom.web.admin;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * Every setting a user may need to change, with its environment variable and default. The
 * settings page shows them read-only; a test keeps the README's table in step with this
 * list.
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
			new Setting("greenroom.admin.username", "GREENROOM_ADMIN_USERNAME", "admin", "Admin login name.", false),
			new Setting("greenroom.admin.password", "GREENROOM_ADMIN_PASSWORD", "(generated on first start)",
					"Admin password. When set it is applied at every start and cannot be changed in the dashboard.",
					true),
			new Setting("spring.datasource.url", "GREENROOM_DB_URL", "jdbc:h2:file:./data/greenroom",
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
