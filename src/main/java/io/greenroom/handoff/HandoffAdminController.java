package io.greenroom.handoff;

import java.util.List;

import io.greenroom.publish.PublishEndpoints;
import io.greenroom.stream.App;
import io.greenroom.stream.Slot;
import io.greenroom.stream.StreamCatalog;
import io.greenroom.stream.UnknownEntityException;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What the producer hands over from the dashboard: a slot's streamer link as a QR code,
 * its OBS profile, and the profiles of every slot of an app in one zip.
 */
@Controller
class HandoffAdminController {

	private final StreamCatalog catalog;

	private final StreamerLinks links;

	private final PublishEndpoints endpoints;

	HandoffAdminController(StreamCatalog catalog, StreamerLinks links, PublishEndpoints endpoints) {
		this.catalog = catalog;
		this.links = links;
		this.endpoints = endpoints;
	}

	@GetMapping(path = "/apps/{appId}/slots/{slotId}/handoff/qr.svg")
	ResponseEntity<String> showQrCode(@PathVariable Long appId, @PathVariable Long slotId) {
		Slot slot = slot(appId, slotId);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.parseMediaType("image/svg+xml"))
			.body(QrCode.svg(this.links.url(slot)));
	}

	@GetMapping("/apps/{appId}/slots/{slotId}/handoff/obs-profile.zip")
	ResponseEntity<byte[]> downloadProfile(@PathVariable Long appId, @PathVariable Long slotId,
			@RequestParam(defaultValue = "whip") String service) {
		ObsProfile profile = ObsProfile.of(slot(appId, slotId), ObsProfile.Service.of(service), this.endpoints);
		return StreamerPageController.zip(profile.folder() + ".zip", profile.zip());
	}

	@GetMapping("/apps/{appId}/handoff/obs-profiles.zip")
	ResponseEntity<byte[]> downloadAllProfiles(@PathVariable Long appId,
			@RequestParam(defaultValue = "whip") String service) {
		App app = this.catalog.findApp(appId).orElseThrow(() -> new UnknownEntityException("app", appId));
		ObsProfile.Service chosen = ObsProfile.Service.of(service);
		List<ObsProfile> profiles = this.catalog.listSlots(appId)
			.stream()
			.map((slot) -> ObsProfile.of(slot, chosen, this.endpoints))
			.toList();
		return StreamerPageController.zip("greenroom-" + app.getName() + "-obs-profiles-" + chosen.slug() + ".zip",
				ObsProfile.zip(profiles));
	}

	private Slot slot(Long appId, Long slotId) {
		return this.catalog.findSlot(appId, slotId).orElseThrow(() -> new UnknownEntityException("slot", slotId));
	}

}
