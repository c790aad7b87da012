package io.greenroom.handoff;

import io.greenroom.publish.PublishEndpoints;
import io.greenroom.stream.PublishSecret;
import io.greenroom.stream.Slot;

/**
 * The values one streamer pastes into OBS, each in full and masked, for the streamer
 * page.
 *
 * @param app the app's name
 * @param slot the slot's name
 * @param displayName the slot's display name
 * @param whipServer OBS "WHIP" service, Server field (with the secret)
 * @param whipServerMasked the same with the secret masked
 * @param rtmpServer OBS "Custom..." service, Server field
 * @param rtmpStreamKey OBS "Custom..." service, Stream Key field (with the secret)
 * @param rtmpStreamKeyMasked the same with the secret masked
 * @param bitrateKbps the video bitrate to set
 */
record StreamerSetup(String app, String slot, String displayName, String whipServer, String whipServerMasked,
		String rtmpServer, String rtmpStreamKey, String rtmpStreamKeyMasked, int bitrateKbps) {

	static StreamerSetup of(Slot slot, PublishEndpoints endpoints) {
		String app = slot.getApp().getName();
		PublishSecret secret = slot.getPublishSecret();
		return new StreamerSetup(app, slot.getName(), slot.getDisplayName(),
				endpoints.whipUrl(app, slot.getName(), secret.value()),
				endpoints.whipUrl(app, slot.getName(), secret.masked()), endpoints.rtmpServer(app),
				endpoints.rtmpStreamKey(slot.getName(), secret.value()),
				endpoints.rtmpStreamKey(slot.getName(), secret.masked()), slot.getBitrateKbps());
	}

	public String keyframeInterval() {
		return ObsProfile.KEYFRAME_INTERVAL_SECONDS + " s";
	}

	public String preset() {
		return ObsProfile.PRESET;
	}

	public String tune() {
		return ObsProfile.TUNE;
	}

	public String x264Options() {
		return ObsProfile.X264_OPTIONS;
	}

	@Override
	public String toString() {
		return "StreamerSetup[" + this.app + "/" + this.slot + ", secrets=<redacted>]";
	}

}
