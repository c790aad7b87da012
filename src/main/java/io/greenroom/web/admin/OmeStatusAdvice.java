package io.greenroom.web.admin;

import io.greenroom.admission.LivePublishers;
import io.greenroom.ome.OmeConfigStatus;
import io.greenroom.ome.OmeConfiguration;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts OME's configuration status on every dashboard page, so a failed write or a needed
 * restart is never missed.
 */
@ControllerAdvice(assignableTypes = { AppController.class, SlotController.class, ServerConfigController.class,
		SettingsController.class })
class OmeStatusAdvice {

	private final OmeConfiguration configuration;

	private final LivePublishers live;

	OmeStatusAdvice(OmeConfiguration configuration, LivePublishers live) {
		this.configuration = configuration;
		this.live = live;
	}

	@ModelAttribute("liveCount")
	int liveCount() {
		return this.live.count();
	}

	@ModelAttribute("omeStatus")
	OmeConfigStatus omeStatus() {
		return this.configuration.status();
	}

}
