package io.greenroom.layout;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jspecify.annotations.Nullable;

/**
 * One slot placed on a layout's canvas, in canvas pixels.
 */
@Embeddable
public class LayoutBox {

	@Column(name = "slot_id", nullable = false)
	private Long slotId;

	@Column(name = "box_x", nullable = false)
	private int x;

	@Column(name = "box_y", nullable = false)
	private int y;

	@Column(name = "box_width", nullable = false)
	private int width;

	@Column(name = "box_height", nullable = false)
	private int height;

	@Column(name = "z_order", nullable = false)
	private int z;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 8)
	private Fit fit;

	@Column(nullable = false)
	private int volume;

	@Column(nullable = false)
	private boolean muted;

	@Column(length = 100)
	private @Nullable String label;

	public LayoutBox(Long slotId, int x, int y, int width, int height, int z, Fit fit, int volume, boolean muted,
			@Nullable String label) {
		this.slotId = slotId;
		this.x = x;
		this.y = y;
		this.width = width;
		this.height = height;
		this.z = z;
		this.fit = fit;
		this.volume = volume;
		this.muted = muted;
		this.label = (label == null || label.isBlank()) ? null : label.strip();
	}

	protected LayoutBox() {
	}

	public Long getSlotId() {
		return this.slotId;
	}

	public int getX() {
		return this.x;
	}

	public int getY() {
		return this.y;
	}

	public int getWidth() {
		return this.width;
	}

	public int getHeight() {
		return this.height;
	}

	public int getZ() {
		return this.z;
	}

	public Fit getFit() {
		return this.fit;
	}

	/** Loudness from 0 to 100; see {@link #isMuted()}. */
	public int getVolume() {
		return this.volume;
	}

	public boolean isMuted() {
		return this.muted;
	}

	/** A name shown over the box, or null for none. */
	public @Nullable String getLabel() {
		return this.label;
	}

}
