package io.greenroom.ome.real;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a real-OME test class only when {@value RealOme#BIN_ENV} names OME: otherwise the
 * class is reported skipped with one line saying how to enable it, and under {@code CI}
 * it fails instead.
 */
public class RealOmeCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String configured = System.getenv(RealOme.BIN_ENV);
		if (configured != null && !configured.isBlank()) {
			return ConditionEvaluationResult.enabled(RealOme.BIN_ENV + "=" + configured);
		}
		// Calls the same check the harness makes: fails under CI.
		String ci = System.getenv("CI");
		if (ci != null && !ci.isBlank()) {
			RealOme.binary();
		}
		System.err.println(RealOme.HOW_TO_ENABLE);
		return ConditionEvaluationResult.disabled(RealOme.HOW_TO_ENABLE);
	}

}
