package io.greenroom.web.admin;

import io.greenroom.publish.PublishEndpoints;
import io.greenroom.stream.PublishSecret;
import io.greenroom.stream.Slot;

/**
 * The values a streamer pastes into OBS for one slot, each in full and masked.
 *
 * @param whipServer OBS "WHIP" service, Server field (full, with secret)
 * @param whipServerMasked the same with the secret masked
 * @param rtmpServer OBS "Custom" service, Server field (no secret)
 * @param rtmpStreamKey OBS "Custom" service, Stream Key field (full, with secret)
 * @param rtmpStreamKeyMasked the same with the secret masked
 * @param bitrateKbps the video bitrate to set
 */
record ObsSettings(String whipServer, String whipServerMasked, String rtmpServer, String rtmpStreamKey,
		String rtmpStreamKeyMasked, int bitrateKbps) {

	static ObsSettings of(Slot slot, PublishEndpoints endpoints) {
		String app = slot.getApp().getName();
		PublishSecret secret = slot.getPublishSecret();
		return new ObsSettings(endpoints.whipUrl(app, slot.getName(), secret.value()),
				endpoints.whipUrl(app, slot.getName(), secret.masked()), endpoints.rtmpServer(app),
				endpoints.rtmpStreamKey(slot.getName(), secret.value()),
				endpoints.rtmpStreamKey(slot.getName(), secret.masked()), slot.getBitrateKbps());
	}

	@Override
	public String toString() {
		return "ObsSettings[rtmpServer=" + this.rtmpServer + ", secrets=<redacted>]";
	}

}
