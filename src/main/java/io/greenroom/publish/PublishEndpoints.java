package io.greenroom.publish;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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

	private final AtomicInteger viewerTurn = new AtomicInteger();

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

	/** The public host name the OBS values and player URLs use. */
	public String host() {
		return this.properties.host();
	}

	/**
	 * Whether the OBS values and player URLs work only on this machine or its network,
	 * because the public host is {@code localhost} or a private address.
	 */
	public boolean hostIsLocalOnly() {
		return this.properties.hostIsLocalOnly();
	}

	/** The WebRTC signalling URL a player dials to watch a slot on this host. */
	public String playUrl(String app, String slot) {
		return playUrl(this.properties.host(), app, slot);
	}

	/**
	 * The WebRTC signalling URL a player dials to watch a slot on {@code host}, this
	 * server or an edge set up the same way (Caddy in front, or OME's port on a LAN).
	 */
	public String playUrl(String host, String app, String slot) {
		return signallingBase(host, "wss", "ws") + "/" + app + "/" + slot;
	}

	/**
	 * The host the next viewer page's players dial: the edges in turn when there are any,
	 * otherwise this host.
	 */
	public String nextViewerHost() {
		List<String> edges = this.properties.edgeHosts();
		if (edges.isEmpty()) {
			return this.properties.host();
		}
		return edges.get(Math.floorMod(this.viewerTurn.getAndIncrement(), edges.size()));
	}

	private String signallingBase(String secureScheme, String plainScheme) {
		return signallingBase(this.properties.host(), secureScheme, plainScheme);
	}

	private String signallingBase(String host, String secureScheme, String plainScheme) {
		PublicProperties p = this.properties;
		if (p.tlsProxy()) {
			String port = (p.httpsPort() == 443) ? "" : ":" + p.httpsPort();
			return secureScheme + "://" + host + port + p.signallingPath();
		}
		return plainScheme + "://" + host + ":" + p.signallingPort();
	}

}
