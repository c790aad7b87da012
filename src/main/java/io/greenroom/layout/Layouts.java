package io.greenroom.layout;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.greenroom.stream.DuplicateNameException;
import io.greenroom.stream.Names;
import io.greenroom.stream.Slot;
import io.greenroom.stream.StreamCatalog;
import io.greenroom.stream.UnknownEntityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and deletes layouts. The only writer of the layout tables.
 */
@Service
@Transactional(readOnly = true)
public class Layouts {

	private static final Logger logger = LoggerFactory.getLogger(Layouts.class);

	private final LayoutRepository layouts;

	private final StreamCatalog catalog;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Layouts(LayoutRepository layouts, StreamCatalog catalog, Clock clock, ApplicationEventPublisher events) {
		this.layouts = layouts;
		this.catalog = catalog;
		this.clock = clock;
		this.events = events;
	}

	public List<Layout> list(Long appId) {
		return this.layouts.findByAppIdOrderByNameAsc(appId);
	}

	public Optional<Layout> find(Long appId, Long layoutId) {
		return this.layouts.findByAppIdAndId(appId, layoutId);
	}

	public Optional<Layout> findByName(Long appId, String name) {
		return this.layouts.findByAppIdAndName(appId, name);
	}

	/** A new, empty layout on a 1920 × 1080 transparent canvas. */
	@Transactional
	public Layout create(Long appId, String name) {
		String problem = Names.problem(name);
		if (problem != null) {
			throw new InvalidLayoutException(List.of(new LayoutProblem(null, "name", problem)));
		}
		this.catalog.findApp(appId).orElseThrow(() -> new UnknownEntityException("app", appId));
		if (this.layouts.existsByAppIdAndName(appId, name)) {
			throw duplicate(name);
		}
		Layout layout = saveUnique(new Layout(appId, name, this.clock.instant()));
		logger.info("Created layout {} in app {}", name, appId);
		return layout;
	}

	/** Replaces a layout's canvas and boxes, or throws with every problem found. */
	@Transactional
	public Layout save(Long appId, Long layoutId, LayoutDraft draft) {
		Layout layout = this.layouts.findByAppIdAndId(appId, layoutId)
			.orElseThrow(() -> new UnknownEntityException("layout", layoutId));
		Map<Long, String> slotNames = this.catalog.listSlots(appId)
			.stream()
			.collect(Collectors.toMap(Slot::getId, Slot::getDisplayName));
		List<LayoutProblem> problems = draft.problems(slotNames);
		if (!problems.isEmpty()) {
			throw new InvalidLayoutException(problems);
		}
		if (!layout.getName().equals(draft.name()) && this.layouts.existsByAppIdAndName(appId, draft.name())) {
			throw duplicate(draft.name());
		}
		String before = layout.getName();
		layout.apply(draft);
		saveUnique(layout);
		logger.info("Saved layout {} in app {} ({} boxes)", draft.name(), appId, draft.boxes().size());
		changed(appId, before, draft.name());
		return layout;
	}

	@Transactional
	public void delete(Long appId, Long layoutId) {
		Layout layout = this.layouts.findByAppIdAndId(appId, layoutId)
			.orElseThrow(() -> new UnknownEntityException("layout", layoutId));
		this.layouts.delete(layout);
		logger.info("Deleted layout {} in app {}", layout.getName(), appId);
		changed(appId, layout.getName(), null);
	}

	/**
	 * Tells open pages once the transaction has committed, so they read the new layout.
	 */
	private void changed(Long appId, String name, @Nullable String newName) {
		this.catalog.findApp(appId)
			.ifPresent((app) -> this.events.publishEvent(new LayoutChanged(app.getName(), name, newName)));
	}

	/** Saves, turning a lost race for a name into the same error as a taken name. */
	private Layout saveUnique(Layout layout) {
		try {
			return this.layouts.saveAndFlush(layout);
		}
		catch (DataIntegrityViolationException ex) {
			throw duplicate(layout.getName());
		}
	}

	private static DuplicateNameException duplicate(String name) {
		return new DuplicateNameException("A layout named '" + name + "' already exists in this app.");
	}

}
