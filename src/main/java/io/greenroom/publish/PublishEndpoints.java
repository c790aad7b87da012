package io.greenroom.publish;

import org.springframework.stereotype.Component;

/**
 * Builds the URLs a streamer pastes into OBS and a player dials.
 * <p>
 * The shapes, which the admission webhook checks:
 * <ul>
 * <li>WHIP: {@code https://HOST/ome/APP/SLOT?direction=whip&key=SECRET} through Caddy, or
 * {@code http://HOST:3333/APP/SLOT?direction=whip&key=SECRET} straight to OME.</li>
 * <li>RTMP: server {@code rtmp://HOST:1935/APP}, stream key {@code SLOT?key=SECRET}.</li>
 * <li>Playback: {@code wss://HOST/ome/APP/SLOT} or {@code ws://HOST:3333/APP/SLOT}.</li>
 * </ul>
 * The secret rides in the query string, so OME's stream name is always the bare slot
 * name.
 */
@Component
public class PublishEndpoints {

	/** Query parameter that carries a slot's publish secret. */
	public static final String KEY_PARAMETER = "key";

	private final PublicProperties properties;

	public PublishEndpoints(PublicProperties properties) {
		this.properties = properties;
	}

	/** The OBS "WHIP" service's Server field, secret included. */
	public String whipUrl(String app, String slot, String secret) {
		return signallingBase("https", "http") + "/" + app + "/" + slot + "?direction=whip&" + KEY_PARAMETER + "="
				+ secret;
	}

	/** The OBS "Custom" service's Server field for RTMP. */
	public String rtmpServer(String app) {
		return "rtmp://" + this.properties.host() + ":" + this.properties.rtmpPort() + "/" + app;
	}

	/** The OBS "Custom" service's Stream Key field for RTMP, secret included. */
	public String rtmpStreamKey(String slot, String secret) {
		return slot + "?" + KEY_PARAMETER + "=" + secret;
	}

	/** The WebRTC signalling URL a player dials to watch a slot. */
	public String playUrl(String app, String slot) {
		return signallingBase("wss", "ws") + "/" + app + "/" + slot;
	}

	private String signallingBase(String secureScheme, String plainScheme) {
		PublicProperties p = this.properties;
		if (p.tlsProxy()) {
			String port = (p.httpsPort() == 443) ? "" : ":" + p.httpsPort();
			return secureScheme + "://" + p.host() + port + p.signallingPath();
		}
		return plainScheme + "://" + p.host() + ":" + p.signallingPort();
	}

}
