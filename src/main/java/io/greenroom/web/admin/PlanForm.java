package io.greenroom.web.admin;

import io.greenroom.plan.Planner;
import io.greenroom.plan.Shape;
import io.greenroom.plan.TrafficPlan;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * The planner's questions, with the user's worked example as defaults.
 *
 * @param videoKbps video bitrate per stream
 * @param audioKbps audio bitrate per stream
 * @param shape solo, event or call
 * @param people streams in an event, or people in a call
 * @param viewers viewers of a solo stream, or producers pulling an event
 * @param hoursPerDay hours on air a day
 * @param daysPerMonth days on air a month
 * @param linkMbps the server's link
 * @param allowanceGb the host's monthly transfer allowance
 */
record PlanForm(
		@Nullable @NotNull(message = "Type the video bitrate in kbit/s.") @Min(value = 100,
				message = "Use 100 to 50000 kbit/s.") @Max(value = 50000,
						message = "Use 100 to 50000 kbit/s.") Integer videoKbps,
		@Nullable @NotNull(message = "Type the audio bitrate in kbit/s (0 for none).") @Min(value = 0,
				message = "Use 0 to 1000 kbit/s.") @Max(value = 1000,
						message = "Use 0 to 1000 kbit/s.") Integer audioKbps,
		@Nullable @NotNull(message = "Choose solo, event or call.") Shape shape,
		@Nullable @NotNull(message = "Type how many streamers.") @Min(value = 1,
				message = "Use 1 to 1000.") @Max(value = 1000, message = "Use 1 to 1000.") Integer people,
		@Nullable @NotNull(message = "Type how many viewers.") @Min(value = 0,
				message = "Use 0 to 1000000.") @Max(value = 1000000, message = "Use 0 to 1000000.") Integer viewers,
		@Nullable @NotNull(message = "Type hours a day.") @DecimalMin(value = "0.1",
				message = "Use 0.1 to 24 hours.") @DecimalMax(value = "24",
						message = "Use 0.1 to 24 hours.") Double hoursPerDay,
		@Nullable @NotNull(message = "Type days a month.") @Min(value = 1,
				message = "Use 1 to 31 days.") @Max(value = 31, message = "Use 1 to 31 days.") Integer daysPerMonth,
		@Nullable @NotNull(message = "Type the link speed in Mbit/s.") @Min(value = 1,
				message = "Use 1 to 100000 Mbit/s.") @Max(value = 100000,
						message = "Use 1 to 100000 Mbit/s.") Integer linkMbps,
		@Nullable @NotNull(message = "Type the monthly allowance in GB.") @Min(value = 1,
				message = "Use at least 1 GB.") @Max(value = 10000000,
						message = "Use at most 10000000 GB.") Integer allowanceGb) {

	/**
	 * The user's worked example: 2000 + 256 kbit/s to 5 viewers, 4 hours a day, 20 days.
	 */
	static PlanForm example() {
		return new PlanForm(2000, 256, Shape.SOLO, 1, 5, 4.0, 20, 1000, 1000);
	}

	/** Whether every answer is there; a plan is only drawn then. */
	boolean complete() {
		return this.videoKbps != null && this.audioKbps != null && this.shape != null && this.people != null
				&& this.viewers != null && this.hoursPerDay != null && this.daysPerMonth != null
				&& this.linkMbps != null && this.allowanceGb != null;
	}

	/** The plan; only called once validation has passed. */
	TrafficPlan plan() {
		if (!complete()) {
			throw new IllegalStateException("Incomplete plan form");
		}
		return Planner.plan(this.videoKbps, this.audioKbps, this.shape, this.people, this.viewers, this.hoursPerDay,
				this.daysPerMonth, this.linkMbps, this.allowanceGb);
	}

}
