package io.greenroom.admission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts admission answers by outcome ({@code greenroom.admission.answers}). The counters
 * are made once; counting one answer is a lock-free add, so the admission thread pays
 * nothing measurable.
 */
final class AdmissionAnswers {

	static final String METER = "greenroom.admission.answers";

	final Counter allowed;

	final Counter denied;

	final Counter closing;

	final Counter unauthorized;

	final Counter rejected;

	final Counter failed;

	AdmissionAnswers(MeterRegistry registry) {
		this.allowed = counter(registry, "allowed", "OME was told to let the client in");
		this.denied = counter(registry, "denied", "OME was told to refuse the client");
		this.closing = counter(registry, "closing", "A closing call, answered with {}");
		this.unauthorized = counter(registry, "unauthorized", "A missing or wrong X-OME-Signature (401)");
		this.rejected = counter(registry, "rejected", "A body too large or not OME's (400, 413)");
		this.failed = counter(registry, "failed", "Greenroom's own fault (500)");
	}

	private static Counter counter(MeterRegistry registry, String outcome, String description) {
		return Counter.builder(METER).tag("outcome", outcome).description(description).register(registry);
	}

}
