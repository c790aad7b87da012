package io.greenroom.publish;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How streamers and viewers reach OME from outside.
 *
 * @param host public host name of the server, as in the TLS certificate
 * ({@code GREENROOM_PUBLIC_HOST}, default {@code localhost})
 * @param tlsProxy whether WHIP and WebRTC signalling go through Caddy on https/wss
 * ({@code true}) or straight to OME on http/ws, for a LAN ({@code false})
 * ({@code GREENROOM_PUBLIC_TLS_PROXY}, default {@code true})
 * @param httpsPort port Caddy serves https on ({@code GREENROOM_PUBLIC_HTTPS_PORT},
 * default {@code 443})
 * @param signallingPath path prefix under which Caddy forwards WHIP and signalling to OME
 * ({@code GREENROOM_PUBLIC_SIGNALLING_PATH}, default {@code /ome})
 * @param signallingPort OME's WebRTC signalling and WHIP port, used when
 * {@code tls-proxy} is false ({@code GREENROOM_PUBLIC_SIGNALLING_PORT}, default
 * {@code 3333})
 * @param rtmpPort OME's RTMP port ({@code GREENROOM_PUBLIC_RTMP_PORT}, default
 * {@code 1935})
 * @param edgeHosts OME edge servers that viewers' players dial instead of this host,
 * spread over page loads; empty to serve every viewer from this host
 * ({@code GREENROOM_PUBLIC_EDGE_HOSTS}, comma-separated, default empty)
 */
@ConfigurationProperties("greenroom.public")
@Validated
public record PublicProperties(
		@DefaultValue("localhost") @Pattern(regexp = "[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?",
				message = "must be a host name or IPv4 address, without scheme, port or path") String host,
		@DefaultValue("true") boolean tlsProxy, @DefaultValue("443") @Min(1) @Max(65535) int httpsPort,
		@DefaultValue("/ome") @Pattern(regexp = "(/[A-Za-z0-9._-]+)+",
				message = "must start with '/' and contain only letters, digits, '.', '_', '-' and '/'") String signallingPath,
		@DefaultValue("3333") @Min(1) @Max(65535) int signallingPort,
		@DefaultValue("1935") @Min(1) @Max(65535) int rtmpPort, @DefaultValue( {
		}) List<@Pattern(regexp = "[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?",
				message = "must be host names separated by commas, without scheme, port or path") String> edgeHosts){

	/**
	 * Whether {@link #host()} can only be reached from this machine or its private
	 * network: {@code localhost}, a loopback, private, link-local or unspecified IPv4
	 * address, a {@code .local}, {@code .lan}, {@code .internal} or {@code .localhost}
	 * name, or a name without a dot. Read from the name alone, never from DNS.
	 */
	public boolean hostIsLocalOnly() {
		String name = this.host.toLowerCase(Locale.ROOT);
		if (name.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
			int[] octets = Arrays.stream(name.split("\\.")).mapToInt(Integer::parseInt).toArray();
			int a = octets[0];
			int b = octets[1];
			return a == 127 || a == 10 || a == 0 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
					|| (a == 169 && b == 254) || (a == 100 && b >= 64 && b <= 127);
		}
		return !name.contains(".") || name.endsWith(".localhost") || name.endsWith(".local") || name.endsWith(".lan")
				|| name.endsWith(".internal") || name.endsWith(".home.arpa");
	}

}
