package io.greenroom.layout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A named arrangement of an app's slots on a canvas, shown by {@code /layout/APP/LAYOUT}
 * as an OBS BrowserSource of the same size.
 */
@Entity
@Table(name = "layout")
public class Layout {

	/** The canvas size a new layout starts with, OBS's default 1080p. */
	public static final int DEFAULT_WIDTH = 1920;

	/** See {@link #DEFAULT_WIDTH}. */
	public static final int DEFAULT_HEIGHT = 1080;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "app_id", nullable = false)
	private Long appId;

	@Column(nullable = false, length = 64)
	private String name;

	@Column(name = "canvas_width", nullable = false)
	private int width;

	@Column(name = "canvas_height", nullable = false)
	private int height;

	@Column(name = "background_color", length = 7)
	private @Nullable String backgroundColor;

	@Column(name = "offline_card", nullable = false)
	private boolean offlineCard;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "layout_box", joinColumns = @JoinColumn(name = "layout_id"))
	private List<LayoutBox> boxes = new ArrayList<>();

	protected Layout() {
	}

	Layout(Long appId, String name, Instant createdAt) {
		this.appId = appId;
		this.name = name;
		this.width = DEFAULT_WIDTH;
		this.height = DEFAULT_HEIGHT;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public Long getAppId() {
		return this.appId;
	}

	public String getName() {
		return this.name;
	}

	public int getWidth() {
		return this.width;
	}

	public int getHeight() {
		return this.height;
	}

	/** {@code #rrggbb}, or null for a transparent page. */
	public @Nullable String getBackgroundColor() {
		return this.backgroundColor;
	}

	/** Whether an offline slot shows a card instead of nothing. */
	public boolean isOfflineCard() {
		return this.offlineCard;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	/** The placed slots, bottom first. */
	public List<LayoutBox> getBoxes() {
		return this.boxes.stream().sorted(Comparator.comparingInt(LayoutBox::getZ)).toList();
	}

	void apply(LayoutDraft draft) {
		this.name = draft.name();
		this.width = draft.width();
		this.height = draft.height();
		this.backgroundColor = draft.backgroundColor();
		this.offlineCard = draft.offlineCard();
		this.boxes.clear();
		this.boxes.addAll(draft.boxes());
	}

}
