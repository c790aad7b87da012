package io.greenroom.web.admin;

import io.greenroom.stream.App;
import io.greenroom.stream.AppSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/**
 * The create and edit form for an app: its name and its OME publisher settings. Unticked
 * checkboxes send nothing, so they bind as null and mean false.
 *
 * @param name the OME application name
 * @param llhls offer LLHLS as a fallback
 * @param rtx WebRTC retransmission
 * @param ulpfec WebRTC forward error correction
 * @param jitterBuffer OME's WebRTC jitter buffer
 * @param playoutDelayMinMs playout-delay hint minimum, or empty
 * @param playoutDelayMaxMs playout-delay hint maximum, or empty
 */
record AppForm(@ValidName String name, @Nullable Boolean llhls, @Nullable Boolean rtx, @Nullable Boolean ulpfec,
		@Nullable Boolean jitterBuffer,
		@Nullable @Min(value = 0, message = "Use 0 to 10000 ms.") @Max(value = 10000,
				message = "Use 0 to 10000 ms.") Integer playoutDelayMinMs,
		@Nullable @Min(value = 0, message = "Use 0 to 10000 ms.") @Max(value = 10000,
				message = "Use 0 to 10000 ms.") Integer playoutDelayMaxMs) {

	static AppForm empty() {
		return new AppForm("", false, false, false, false, null, null);
	}

	static AppForm of(App app) {
		AppSettings settings = app.getSettings();
		return new AppForm(app.getName(), settings.llhls(), settings.rtx(), settings.ulpfec(), settings.jitterBuffer(),
				settings.playoutDelayMinMs(), settings.playoutDelayMaxMs());
	}

	AppSettings toSettings() {
		return new AppSettings(Boolean.TRUE.equals(this.llhls), Boolean.TRUE.equals(this.rtx),
				Boolean.TRUE.equals(this.ulpfec), Boolean.TRUE.equals(this.jitterBuffer), this.playoutDelayMinMs,
				this.playoutDelayMaxMs);
	}

	/** Why the playout-delay pair is inconsistent, or null when it is fine. */
	@Nullable String playoutDelayProblem() {
		if ((this.playoutDelayMinMs == null) != (this.playoutDelayMaxMs == null)) {
			return "Fill in both minimum and maximum, or leave both empty.";
		}
		if (this.playoutDelayMinMs != null && this.playoutDelayMaxMs != null
				&& this.playoutDelayMinMs > this.playoutDelayMaxMs) {
			return "The minimum must not be larger than the maximum.";
		}
		return null;
	}

}
