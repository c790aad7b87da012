package io.greenroom.admission;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class LogBudgetTests {

	private final LogBudget budget = new LogBudget();

	@Test
	void allowsAFewLinesPerNetworkAMinuteThenSumsTheRestUp(CapturedOutput output) {
		int allowed = 0;
		for (int i = 0; i < 5_434; i++) {
			if (this.budget.allow(LogBudget.Kind.SIGNATURE, "203.0.113." + (i % 200))) {
				allowed++;
			}
		}
		assertThat(allowed).isEqualTo(LogBudget.LINES_PER_NETWORK);
		// Another network and another kind have budgets of their own.
		assertThat(this.budget.allow(LogBudget.Kind.SIGNATURE, "198.51.100.1")).isTrue();
		assertThat(this.budget.allow(LogBudget.Kind.WRONG_KEY, "203.0.113.1")).isTrue();
		this.budget.summarize();
		assertThat(output.getOut())
			.contains("... and 5,431 more refused admission signatures from 203.0.113.0/24 in the last minute");
		assertThat(lines(output, "more refused")).isEqualTo(1);
		assertThat(this.budget.allow(LogBudget.Kind.SIGNATURE, "203.0.113.1")).as("a new minute").isTrue();
	}

	@Test
	void countsIpv6ByItsSlash64AndUnreadableAddressesTogether(CapturedOutput output) {
		for (int i = 0; i < 10; i++) {
			this.budget.allow(LogBudget.Kind.WRONG_KEY, "2001:db8:aa:bb::" + Integer.toHexString(i + 1));
			this.budget.allow(LogBudget.Kind.GUARD, "2001:db8:aa:bb::/64");
			this.budget.allow(LogBudget.Kind.SIGNATURE, "not an address " + i);
		}
		this.budget.summarize();
		assertThat(output.getOut()).contains("... and 7 more refused stream keys from 2001:db8:aa:bb::/64")
			.contains("... and 7 more addresses refused for wrong keys from 2001:db8:aa:bb::/64")
			.contains("... and 7 more refused admission signatures from unreadable addresses");
	}

	@Test
	void writesABoundedNumberOfLinesAMinuteHoweverManyNetworksTakePart(CapturedOutput output) {
		int allowed = 0;
		for (int i = 0; i < 100_000; i++) {
			String address = (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff) + ".1";
			if (this.budget.allow(LogBudget.Kind.SIGNATURE, address)) {
				allowed++;
			}
		}
		assertThat(allowed).isEqualTo(LogBudget.LINES_PER_MINUTE);
		this.budget.summarize();
		assertThat(lines(output, "in the last minute")).isEqualTo(LogBudget.SUMMARIES + 1);
		assertThat(output.getOut()).containsPattern(
				"and [0-9,]+ more refused admission signatures from [0-9,]+ other" + " networks in the last minute");
	}

	@Test
	void saysNothingForAQuietMinute(CapturedOutput output) {
		this.budget.allow(LogBudget.Kind.SIGNATURE, "203.0.113.1");
		this.budget.summarize();
		assertThat(lines(output, "in the last minute")).isZero();
	}

	private static long lines(CapturedOutput output, String containing) {
		return Arrays.stream(output.getOut().split("\n")).filter((line) -> line.contains(containing)).count();
	}

}
