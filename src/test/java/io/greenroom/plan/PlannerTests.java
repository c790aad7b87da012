package io.greenroom.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PlannerTests {

	@Test
	void reproducesTheUsersWorkedExampleExactly() {
		TrafficPlan plan = Planner.plan(2000, 256, Shape.SOLO, 1, 5, 4, 20, 1000, 1000);
		assertThat(plan.streamKbps()).isEqualTo(2256);
		assertThat(plan.streamsOut()).isEqualTo(5);
		assertThat(plan.outMbps()).isCloseTo(11.28, within(1e-9));
		assertThat(plan.outGbitPerDay()).isCloseTo(162.432, within(1e-9));
		assertThat(plan.outTbitPerMonth()).isCloseTo(3.24864, within(1e-9));
		assertThat(plan.outGbPerMonth()).isCloseTo(406.08, within(1e-9));
		assertThat(plan.allowanceShare()).isCloseTo(0.40608, within(1e-9));
		assertThat(plan.needsEdges()).isFalse();
	}

	@Test
	void countsACallOfEightAs8InAnd64Out() {
		TrafficPlan plan = Planner.plan(2000, 256, Shape.CALL, 8, 0, 2, 4, 1000, 1000);
		assertThat(plan.streamsIn()).isEqualTo(8);
		assertThat(plan.streamsOut()).isEqualTo(64);
		assertThat(plan.inMbps()).isCloseTo(18.048, within(1e-9));
		assertThat(plan.outMbps()).isCloseTo(144.384, within(1e-9));
	}

	@Test
	void aGigabitLinkHoldsACallOfAboutTwentyAtThatRate() {
		assertThat(Planner.plan(2000, 256, Shape.CALL, 20, 0, 1, 1, 1000, 1000).fitsLink()).isTrue();
		assertThat(Planner.plan(2000, 256, Shape.CALL, 22, 0, 1, 1, 1000, 1000).fitsLink()).isFalse();
	}

	@Test
	void anEventSendsEveryStreamToEachProducer() {
		TrafficPlan plan = Planner.plan(6000, 160, Shape.EVENT, 4, 1, 3, 1, 1000, 1000);
		assertThat(plan.streamsIn()).isEqualTo(4);
		assertThat(plan.streamsOut()).isEqualTo(4);
		assertThat(plan.outMbps()).isCloseTo(24.64, within(1e-9));
	}

	@Test
	void asksForEdgesPastEightyViewersPerServer() {
		assertThat(Planner.plan(2000, 256, Shape.SOLO, 1, 80, 2, 4, 1000, 1000).edges()).isZero();
		TrafficPlan plan = Planner.plan(2000, 256, Shape.SOLO, 1, 300, 2, 4, 1000, 1000);
		assertThat(plan.edges()).isEqualTo(4);
		assertThat(plan.needsEdges()).isTrue();
		assertThat(plan.viewersPerLink()).isEqualTo(443);
	}

	@Test
	void deployPageScalingTableIsThePlannersOwnNumbers() throws IOException {
		String page = Files.readString(Path.of("docs", "deploy.md"));
		assertThat(page)
			.contains(row("Solo to 5 viewers", Planner.plan(2000, 256, Shape.SOLO, 1, 5, 4, 20, 1000, 1000)))
			.contains(row("Solo to 80 viewers", Planner.plan(2000, 256, Shape.SOLO, 1, 80, 4, 20, 1000, 1000)))
			.contains(row("Solo to 300 viewers", Planner.plan(2000, 256, Shape.SOLO, 1, 300, 4, 20, 1000, 1000)))
			.contains(row("Call of 8 (8 in, 64 out)", Planner.plan(2000, 256, Shape.CALL, 8, 0, 4, 20, 1000, 1000)))
			.contains(row("Call of 20 (400 out)", Planner.plan(2000, 256, Shape.CALL, 20, 0, 4, 20, 1000, 1000)))
			.contains("and 4 edges for viewers");
	}

	private static String row(String show, TrafficPlan plan) {
		return String.format(Locale.ROOT, "| %s | %.2f Mbit/s | ", show, plan.outMbps())
				+ ((plan.outGbPerMonth() < 1000) ? String.format(Locale.ROOT, "%.2f Tbit, %.0f GB |",
						plan.outTbitPerMonth(), plan.outGbPerMonth())
						: String.format(Locale.ROOT, "%,.0f GB |", plan.outGbPerMonth()));
	}

}
