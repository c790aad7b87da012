package io.greenroom.check;

import java.util.Optional;

import io.greenroom.publish.PublishEndpoints;
import io.greenroom.stream.App;
import io.greenroom.stream.DuplicateNameException;
import io.greenroom.stream.Slot;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.StreamCatalog;

import org.springframework.stereotype.Component;

/**
 * The slot reserved for setup checks: {@value #NAME} in the first app, created on demand.
 * It is an ordinary slot with its own secret, so admission treats a check exactly as it
 * treats a streamer; its display name says what it is wherever slots are listed.
 */
@Component
public class CheckSlot {

	/** The reserved slot's name. */
	public static final String NAME = "greenroom-check";

	static final String DISPLAY_NAME = "Setup check (reserved by Greenroom)";

	private static final int BITRATE_KBPS = 1000;

	private final StreamCatalog catalog;

	private final PublishEndpoints endpoints;

	public CheckSlot(StreamCatalog catalog, PublishEndpoints endpoints) {
		this.catalog = catalog;
		this.endpoints = endpoints;
	}

	/**
	 * The check slot's URLs, creating the slot when the first app has none.
	 * @return empty when there is no app yet
	 */
	public Optional<Urls> ensure() {
		Optional<App> first = this.catalog.allApps().stream().findFirst();
		if (first.isEmpty()) {
			return Optional.empty();
		}
		App app = first.get();
		Slot slot = this.catalog.findSlot(app.getName(), NAME).orElseGet(() -> create(app));
		if (!slot.isEnabled()) {
			slot = this.catalog.setSlotEnabled(app.getId(), slot.getId(), true);
		}
		return Optional.of(new Urls(app.getName(), NAME,
				this.endpoints.whipUrl(app.getName(), NAME, slot.getPublishSecret().value()),
				this.endpoints.playUrl(app.getName(), NAME)));
	}

	private Slot create(App app) {
		try {
			return this.catalog.createSlot(app.getId(), new SlotDraft(NAME, DISPLAY_NAME, BITRATE_KBPS, true));
		}
		catch (DuplicateNameException ex) {
			// Another check created it at the same moment.
			return this.catalog.findSlot(app.getName(), NAME).orElseThrow(() -> ex);
		}
	}

	/**
	 * Where this browser publishes the test pattern and where it plays it back.
	 *
	 * @param app the app holding the check slot
	 * @param slot the check slot's name
	 * @param whipUrl WHIP URL with the slot's secret, for the producer's own browser only
	 * @param playUrl the signalling URL a viewer's player dials
	 */
	public record Urls(String app, String slot, String whipUrl, String playUrl) {
	}

}
