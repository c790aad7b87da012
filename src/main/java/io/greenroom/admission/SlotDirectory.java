package io.greenroom.admission;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.greenroom.stream.AccessPolicy;
import io.greenroom.stream.App;
import io.greenroom.stream.CatalogChanged;
import io.greenroom.stream.PublishSecret;
import io.greenroom.stream.SlotRow;
import io.greenroom.stream.StreamCatalog;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * An in-memory copy of every app and slot, so admission never waits on the database. It
 * is built once Greenroom is up, before OME can ask, and rebuilt after every committed
 * catalogue change (10,000 slots take a few ms once the code is compiled, several hundred
 * while it is not).
 */
@Component
public class SlotDirectory {

	/**
	 * What admission needs of an app.
	 *
	 * @param id the app's id (null only for an app never saved, as in tests)
	 * @param policy privacy and second-publisher rule
	 * @param slots its slots by name
	 */
	record AppEntry(@Nullable Long id, AccessPolicy policy, Map<String, SlotEntry> slots) {
	}

	/**
	 * What admission needs of a slot.
	 *
	 * @param id the slot's id
	 * @param secret the publish secret
	 * @param enabled whether it may publish
	 * @param liveKey its key in {@link LivePublishers}
	 * @param displayName what people call it: its display name, or its name when it has
	 * none
	 */
	record SlotEntry(long id, PublishSecret secret, boolean enabled, String liveKey, String displayName) {
	}

	private final @Nullable StreamCatalog catalog;

	private final @Nullable AdmissionSnapshotWriter snapshots;

	private volatile @Nullable Map<String, AppEntry> apps;

	SlotDirectory(StreamCatalog catalog) {
		this(catalog, null);
	}

	@Autowired
	SlotDirectory(@Nullable StreamCatalog catalog, @Nullable AdmissionSnapshotWriter snapshots) {
		this.catalog = catalog;
		this.snapshots = snapshots;
	}

	/**
	 * A directory that holds {@code apps} and never reads the database: what
	 * {@link EarlyAdmission} answers from while Greenroom starts.
	 */
	static SlotDirectory fixed(Map<String, AppEntry> apps) {
		SlotDirectory directory = new SlotDirectory(null, null);
		directory.apps = apps;
		return directory;
	}

	@Nullable AppEntry app(String name) {
		Map<String, AppEntry> current = this.apps;
		return ((current != null) ? current : loaded()).get(name);
	}

	/**
	 * What people call a slot, from the same copy admission reads: no database query.
	 * @param app the app's name
	 * @param slot the slot's name
	 * @return its display name, its name when it has none, or {@code null} for a slot
	 * that does not exist (any more)
	 */
	public @Nullable String displayName(String app, String slot) {
		AppEntry entry = app(app);
		SlotEntry found = (entry != null) ? entry.slots().get(slot) : null;
		return (found != null) ? found.displayName() : null;
	}

	/**
	 * Whether watching the app needs a viewer link, from the same copy admission reads.
	 * @param app the app's name
	 * @return {@code true} for a private app, {@code false} otherwise or for an app that
	 * does not exist (any more)
	 */
	public boolean privateViewing(String app) {
		AppEntry entry = app(app);
		return entry != null && entry.policy().privateViewing();
	}

	/**
	 * Builds the copy as soon as Greenroom is ready, so the first admission requests do
	 * not wait for it: first of the start-up work done then (writing Server.xml, closing
	 * sessions left open, lowering background threads), since while Greenroom restarts
	 * nobody can publish or join until admission answers.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
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

	/**
	 * Reads again what changed: one app's entry when the change names it (with 10,000
	 * slots, reading all of them at every change made a producer adding slots during a
	 * show cost admission full collections), everything otherwise.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void onCatalogChanged(CatalogChanged event) {
		Long appId = event.appId();
		if (appId == null) {
			reload();
		}
		else {
			reloadApp(appId);
		}
	}

	synchronized Map<String, AppEntry> reload() {
		StreamCatalog catalog = catalog();
		Map<String, Map<String, SlotEntry>> slots = new HashMap<>();
		for (SlotRow slot : catalog.allSlotRows()) {
			slots.computeIfAbsent(slot.app(), (name) -> new HashMap<>()).put(slot.name(), entry(slot));
		}
		Map<String, AppEntry> apps = new HashMap<>();
		for (App app : catalog.allApps()) {
			apps.put(app.getName(), new AppEntry(app.getId(), app.getAccessPolicy(),
					Map.copyOf(slots.getOrDefault(app.getName(), Map.of()))));
		}
		return publish(apps);
	}

	synchronized Map<String, AppEntry> reloadApp(long appId) {
		Map<String, AppEntry> current = this.apps;
		if (current == null) {
			return reload();
		}
		StreamCatalog catalog = catalog();
		Map<String, AppEntry> apps = new HashMap<>(current);
		// By id: a rename leaves no entry under the old name.
		apps.values().removeIf((entry) -> entry.id() != null && entry.id() == appId);
		catalog.findApp(appId).ifPresent((app) -> {
			List<SlotRow> rows = catalog.slotRowsOfApp(appId);
			Map<String, SlotEntry> slots = new HashMap<>();
			rows.forEach((slot) -> slots.put(slot.name(), entry(slot)));
			apps.put(app.getName(), new AppEntry(appId, app.getAccessPolicy(), Map.copyOf(slots)));
		});
		return publish(apps);
	}

	private Map<String, AppEntry> publish(Map<String, AppEntry> apps) {
		Map<String, AppEntry> copy = Map.copyOf(apps);
		this.apps = copy;
		if (this.snapshots != null) {
			this.snapshots.changed(copy);
		}
		return copy;
	}

	private StreamCatalog catalog() {
		if (this.catalog == null) {
			throw new IllegalStateException("A fixed directory has no catalogue to read");
		}
		return this.catalog;
	}

	private static SlotEntry entry(SlotRow slot) {
		return new SlotEntry(slot.id(), new PublishSecret(slot.publishSecret()), slot.enabled(),
				LivePublishers.key(slot.app(), slot.name()), slot.shownName());
	}

	/** Everything as it is now, reading it first if nobody has yet. */
	Map<String, AppEntry> current() {
		return loaded();
	}

}
