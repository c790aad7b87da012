package io.greenroom.admission;

import java.util.HashMap;
import java.util.Map;

import io.greenroom.stream.AccessPolicy;
import io.greenroom.stream.App;
import io.greenroom.stream.CatalogChanged;
import io.greenroom.stream.PublishSecret;
import io.greenroom.stream.Slot;
import io.greenroom.stream.StreamCatalog;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * An in-memory copy of every app and slot, so admission never waits on the database. It
 * is built once Greenroom is up, before OME can ask, and rebuilt after every committed
 * catalogue change (10,000 slots take a few ms once the code is compiled, several hundred
 * while it is not).
 */
@Component
class SlotDirectory {

	/**
	 * What admission needs of an app.
	 *
	 * @param policy privacy and second-publisher rule
	 * @param slots its slots by name
	 */
	record AppEntry(AccessPolicy policy, Map<String, SlotEntry> slots) {
	}

	/**
	 * What admission needs of a slot.
	 *
	 * @param id the slot's id
	 * @param secret the publish secret
	 * @param enabled whether it may publish
	 * @param liveKey its key in {@link LivePublishers}
	 */
	record SlotEntry(long id, PublishSecret secret, boolean enabled, String liveKey) {
	}

	private final StreamCatalog catalog;

	private volatile @Nullable Map<String, AppEntry> apps;

	SlotDirectory(StreamCatalog catalog) {
		this.catalog = catalog;
	}

	@Nullable AppEntry app(String name) {
		Map<String, AppEntry> current = this.apps;
		return ((current != null) ? current : loaded()).get(name);
	}

	/**
	 * Builds the copy as soon as Greenroom is ready, so the first admission requests do
	 * not wait for it.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void load() {
		loaded();
	}

	/**
	 * The copy, built by whichever caller gets here first. Requests that arrive together
	 * before it exists wait for that one build: each building its own, one after the
	 * other, kept the first answers of a cold start under load waiting for up to 6 s.
	 */
	private synchronized Map<String, AppEntry> loaded() {
		Map<String, AppEntry> current = this.apps;
		return (current != null) ? current : reload();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void onCatalogChanged(CatalogChanged event) {
		reload();
	}

	synchronized Map<String, AppEntry> reload() {
		Map<String, Map<String, SlotEntry>> slots = new HashMap<>();
		for (Slot slot : this.catalog.allSlots()) {
			slots.computeIfAbsent(slot.getApp().getName(), (name) -> new HashMap<>())
				.put(slot.getName(), new SlotEntry(slot.getId(), slot.getPublishSecret(), slot.isEnabled(),
						LivePublishers.key(slot.getApp().getName(), slot.getName())));
		}
		Map<String, AppEntry> apps = new HashMap<>();
		for (App app : this.catalog.allApps()) {
			apps.put(app.getName(),
					new AppEntry(app.getAccessPolicy(), Map.copyOf(slots.getOrDefault(app.getName(), Map.of()))));
		}
		Map<String, AppEntry> snapshot = Map.copyOf(apps);
		this.apps = snapshot;
		return snapshot;
	}

}
