package io.greenroom.admission;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Brute-force protection of the admission webhook.
 *
 * @param maxWrongKeys wrong keys from one address, within {@code window}, before it is
 * refused outright ({@code GREENROOM_ADMISSION_MAX_WRONG_KEYS}, default {@code 10})
 * @param window the counting window ({@code GREENROOM_ADMISSION_WINDOW}, default
 * {@code 1m})
 * @param coolDown how long such an address is refused
 * ({@code GREENROOM_ADMISSION_COOL_DOWN}, default {@code 5m})
 * @param maxTrackedAddresses how many addresses are remembered at most, 36 bytes each,
 * reserved at start ({@code GREENROOM_ADMISSION_MAX_TRACKED_ADDRESSES}, default
 * {@code 10000})
 */
@ConfigurationProperties("greenroom.admission")
@Validated
public record AdmissionProperties(@DefaultValue("10") @Min(1) @Max(1000) int maxWrongKeys,
		@DefaultValue("1m") Duration window, @DefaultValue("5m") Duration coolDown,
		@DefaultValue("10000") @Min(10) @Max(1000000) int maxTrackedAddresses) {

	/** Largest admission body accepted; OME's are well under 1 KB. */
	public static final int MAX_BODY_BYTES = 16 * 1024;

}
