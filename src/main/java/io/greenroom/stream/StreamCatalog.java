package io.greenroom.stream;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and deletes apps and slots, and makes and rotates publish secrets. The
 * only writer of the {@code stream} tables.
 */
@Service
@Transactional(readOnly = true)
public class StreamCatalog {

	private static final Logger logger = LoggerFactory.getLogger(StreamCatalog.class);

	/** Most slots "Add N slots" creates in one go. */
	public static final int MAX_SLOTS_AT_ONCE = 64;

	private final AppRepository apps;

	private final SlotRepository slots;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	public StreamCatalog(AppRepository apps, SlotRepository slots, Clock clock, ApplicationEventPublisher events) {
		this.apps = apps;
		this.slots = slots;
		this.clock = clock;
		this.events = events;
	}

	/** Every app, for generating OME's configuration. */
	public List<App> allApps() {
		return this.apps.findAllByOrderByNameAsc();
	}

	public List<AppSummary> listApps() {
		return this.apps.findAllByOrderByNameAsc()
			.stream()
			.sorted(Comparator.comparing(App::getName, Names.NATURAL_ORDER))
			.map((app) -> new AppSummary(app.getId(), app.getName(), this.slots.countByAppId(app.getId())))
			.toList();
	}

	public Optional<App> findAppByName(String name) {
		return this.apps.findByName(name);
	}

	public Optional<App> findApp(Long id) {
		return this.apps.findById(id);
	}

	/** An app's slots in natural order: {@code slot-10} after {@code slot-9}. */
	public List<Slot> listSlots(Long appId) {
		return this.slots.findByAppIdOrderByNameAsc(appId)
			.stream()
			.sorted(Comparator.comparing(Slot::getName, Names.NATURAL_ORDER))
			.toList();
	}

	/** The name the single-slot form suggests: the next {@code slot-N} of the app. */
	public String nextSlotName(Long appId) {
		return SlotNumbering.name(SlotNumbering.nextNumber(slotNames(appId)));
	}

	/** A slot by its app's and its own name, as they appear in URLs. */
	public Optional<Slot> findSlot(String app, String slot) {
		return this.slots.findByAppNameAndName(app, slot);
	}

	/** A slot with its app, by id alone, as a streamer link names it. */
	public Optional<Slot> findSlotById(Long slotId) {
		return this.slots.findWithAppById(slotId);
	}

	public Optional<Slot> findSlot(Long appId, Long slotId) {
		return this.slots.findByAppIdAndId(appId, slotId);
	}

	@Transactional
	public App createApp(String name) {
		return createApp(name, AppSettings.defaults());
	}

	@Transactional
	public App createApp(String name, AppSettings settings) {
		requireValidName(name);
		if (this.apps.existsByName(name)) {
			throw new DuplicateNameException("An app named '" + name + "' already exists.");
		}
		App created = new App(name, this.clock.instant());
		created.applySettings(settings);
		App app = saveUnique(() -> this.apps.saveAndFlush(created), "An app named '" + name + "' already exists.");
		logger.info("Created app {}", name);
		appsChanged(app.getId());
		return app;
	}

	@Transactional
	public App renameApp(Long id, String name) {
		App app = this.apps.findById(id).orElseThrow(() -> new UnknownEntityException("app", id));
		return updateApp(id, name, app.getSettings());
	}

	/** Renames an app and changes its OME settings; either needs an OME restart. */
	@Transactional
	public App updateApp(Long id, String name, AppSettings settings) {
		requireValidName(name);
		App app = this.apps.findById(id).orElseThrow(() -> new UnknownEntityException("app", id));
		if (app.getName().equals(name) && app.getSettings().equals(settings)) {
			return app;
		}
		if (!app.getName().equals(name) && this.apps.existsByName(name)) {
			throw new DuplicateNameException("An app named '" + name + "' already exists.");
		}
		String old = app.getName();
		app.rename(name);
		app.applySettings(settings);
		saveUnique(() -> this.apps.saveAndFlush(app), "An app named '" + name + "' already exists.");
		logger.info("Updated app {} (now {}, {})", old, name, settings);
		appsChanged(id);
		return app;
	}

	@Transactional
	public void deleteApp(Long id) {
		App app = this.apps.findById(id).orElseThrow(() -> new UnknownEntityException("app", id));
		this.slots.deleteAll(this.slots.findByAppIdOrderByNameAsc(id));
		this.apps.delete(app);
		logger.info("Deleted app {}", app.getName());
		appsChanged(id);
	}

	@Transactional
	public Slot createSlot(Long appId, SlotDraft draft) {
		requireValidName(draft.name());
		App app = this.apps.findById(appId).orElseThrow(() -> new UnknownEntityException("app", appId));
		if (this.slots.existsByAppIdAndName(appId, draft.name())) {
			throw duplicateSlot(app, draft.name());
		}
		Slot slot = new Slot(app, draft.name(), draft.displayName(), draft.bitrateKbps(), PublishSecret.generate(),
				this.clock.instant());
		slot.setEnabled(draft.enabled());
		Slot saved = saveUnique(() -> this.slots.saveAndFlush(slot), duplicateSlot(app, draft.name()).getMessage());
		logger.info("Created slot {}/{}", app.getName(), draft.name());
		catalogChanged(appId);
		return saved;
	}

	/**
	 * Creates {@code count} slots named {@code slot-N}, continuing after the app's
	 * highest number, each with its own secret and the display name {@code Slot N}.
	 */
	@Transactional
	public List<Slot> createNumberedSlots(Long appId, int count, int bitrateKbps) {
		if (count < 1 || count > MAX_SLOTS_AT_ONCE) {
			throw new IllegalArgumentException("count must be 1 to " + MAX_SLOTS_AT_ONCE);
		}
		App app = this.apps.findById(appId).orElseThrow(() -> new UnknownEntityException("app", appId));
		int first = SlotNumbering.nextNumber(slotNames(appId));
		List<Slot> created = new ArrayList<>();
		for (int number = first; number < first + count; number++) {
			String name = SlotNumbering.name(number);
			Slot slot = new Slot(app, name, "Slot " + number, bitrateKbps, PublishSecret.generate(),
					this.clock.instant());
			created.add(saveUnique(() -> this.slots.saveAndFlush(slot), duplicateSlot(app, name).getMessage()));
		}
		logger.info("Created slots {} to {} in app {}", SlotNumbering.name(first),
				SlotNumbering.name(first + count - 1), app.getName());
		catalogChanged(appId);
		return created;
	}

	/** Changes only a slot's display name, as the app page edits it in place. */
	@Transactional
	public Slot renameDisplay(Long appId, Long slotId, String displayName) {
		Slot slot = this.slots.findByAppIdAndId(appId, slotId)
			.orElseThrow(() -> new UnknownEntityException("slot", slotId));
		slot.update(slot.getName(), displayName, slot.getBitrateKbps(), slot.isEnabled());
		this.slots.flush();
		catalogChanged(appId);
		return slot;
	}

	@Transactional
	public Slot updateSlot(Long appId, Long slotId, SlotDraft draft) {
		requireValidName(draft.name());
		Slot slot = this.slots.findByAppIdAndId(appId, slotId)
			.orElseThrow(() -> new UnknownEntityException("slot", slotId));
		if (!slot.getName().equals(draft.name()) && this.slots.existsByAppIdAndName(appId, draft.name())) {
			throw duplicateSlot(slot.getApp(), draft.name());
		}
		slot.update(draft.name(), draft.displayName(), draft.bitrateKbps(), draft.enabled());
		saveUnique(() -> this.slots.saveAndFlush(slot), duplicateSlot(slot.getApp(), draft.name()).getMessage());
		logger.info("Updated slot {}/{} (enabled={})", slot.getApp().getName(), slot.getName(), slot.isEnabled());
		catalogChanged(appId);
		return slot;
	}

	@Transactional
	public Slot setSlotEnabled(Long appId, Long slotId, boolean enabled) {
		Slot slot = this.slots.findByAppIdAndId(appId, slotId)
			.orElseThrow(() -> new UnknownEntityException("slot", slotId));
		slot.setEnabled(enabled);
		logger.info("{} slot {}/{}", enabled ? "Enabled" : "Disabled", slot.getApp().getName(), slot.getName());
		catalogChanged(appId);
		return slot;
	}

	@Transactional
	public Slot rotateSecret(Long appId, Long slotId) {
		Slot slot = this.slots.findByAppIdAndId(appId, slotId)
			.orElseThrow(() -> new UnknownEntityException("slot", slotId));
		slot.rotateSecret(PublishSecret.generate(), this.clock.instant());
		this.slots.flush();
		logger.info("Rotated the publish secret of slot {}/{}", slot.getApp().getName(), slot.getName());
		catalogChanged(appId);
		return slot;
	}

	@Transactional
	public void deleteSlot(Long appId, Long slotId) {
		Slot slot = this.slots.findByAppIdAndId(appId, slotId)
			.orElseThrow(() -> new UnknownEntityException("slot", slotId));
		this.slots.delete(slot);
		logger.info("Deleted slot {}/{}", slot.getApp().getName(), slot.getName());
		catalogChanged(appId);
	}

	/** Who may watch the app and what a second publisher gets; needs no OME restart. */
	@Transactional
	public App updateAccessPolicy(Long id, AccessPolicy policy) {
		App app = this.apps.findById(id).orElseThrow(() -> new UnknownEntityException("app", id));
		app.applyAccessPolicy(policy);
		this.apps.flush();
		logger.info("App {} access: {}", app.getName(), policy);
		catalogChanged(id);
		return app;
	}

	/**
	 * Replaces the app's call participant link: every link given out before stops letting
	 * people join.
	 */
	@Transactional
	public App rotateParticipantLink(Long id) {
		App app = this.apps.findById(id).orElseThrow(() -> new UnknownEntityException("app", id));
		app.nextParticipantGeneration();
		this.apps.flush();
		logger.info("Replaced the participant link of app {}", app.getName());
		return app;
	}

	/** Every slot of every app, as plain values (no entities): for in-memory copies. */
	public List<SlotRow> allSlotRows() {
		return this.slots.findAllRows();
	}

	/** The slots of one app, as {@link #allSlotRows()} gives them. */
	public List<SlotRow> slotRowsOfApp(Long appId) {
		return this.slots.findRowsByAppId(appId);
	}

	private List<String> slotNames(Long appId) {
		return this.slots.findByAppIdOrderByNameAsc(appId).stream().map(Slot::getName).toList();
	}

	private void appsChanged(Long appId) {
		this.events.publishEvent(new AppsChanged(this.clock.instant()));
		catalogChanged(appId);
	}

	private void catalogChanged(Long appId) {
		this.events.publishEvent(new CatalogChanged(this.clock.instant(), appId));
	}

	private static DuplicateNameException duplicateSlot(App app, String name) {
		return new DuplicateNameException("App '" + app.getName() + "' already has a slot named '" + name + "'.");
	}

	private static void requireValidName(String name) {
		if (!Names.isValid(name)) {
			throw new IllegalArgumentException("Invalid name: " + Names.RULE);
		}
	}

	private static <T> T saveUnique(java.util.function.Supplier<T> save, String duplicateMessage) {
		try {
			return save.get();
		}
		catch (DataIntegrityViolationException ex) {
			// Lost a race with another request creating the same name.
			throw new DuplicateNameException(duplicateMessage);
		}
	}

}
