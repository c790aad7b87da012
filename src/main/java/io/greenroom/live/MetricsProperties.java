package io.greenroom.live;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Access to the metrics in Prometheus's format.
 *
 * @param prometheusToken the token a scraper sends as {@code Authorization: Bearer
 * <token>} to read {@code /actuator/prometheus}; when empty the endpoint answers 404
 * ({@code GREENROOM_METRICS_PROMETHEUS_TOKEN}, default empty: off)
 */
@ConfigurationProperties("greenroom.metrics")
@Validated
public record MetricsProperties(@Nullable String prometheusToken) {

	/** Whether the Prometheus endpoint is on. */
	public boolean prometheusEnabled() {
		return this.prometheusToken != null && !this.prometheusToken.isBlank();
	}

	@Override
	public String toString() {
		return "MetricsProperties[prometheusToken=" + (prometheusEnabled() ? "<redacted>" : "") + "]";
	}

}
