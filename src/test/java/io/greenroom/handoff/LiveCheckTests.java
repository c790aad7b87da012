package io.greenroom.handoff;

import java.time.Instant;
import java.util.Optional;

import io.greenroom.admission.LivePublishers;
import io.greenroom.stream.App;
import io.greenroom.stream.PublishSecret;
import io.greenroom.stream.Slot;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class LiveCheckTests {

	private final LivePublishers live = mock(LivePublishers.class);

	private final Slot slot = new Slot(new App("show", Instant.EPOCH), "slot-1", "Racer 1", 6000,
			PublishSecret.generate(), Instant.EPOCH);

	@Test
	void asksTheStreamerToStartWhenTheSlotIsNotLive() {
		LiveCheck.Result result = withoutSnapshots().check(this.slot);
		assertThat(result.live()).isFalse();
		assertThat(result.message()).startsWith("Not live yet.");
	}

	@Test
	void saysConnectedOverRtmpWaitingForVideoFromAdmissionAlone() {
		given(this.live.protocolOf("show", "slot-1")).willReturn("RTMP");
		LiveCheck.Result result = withoutSnapshots().check(this.slot);
		assertThat(result.live()).isTrue();
		assertThat(result.protocol()).isEqualTo("RTMP");
		assertThat(result.message()).isEqualTo("Connected over RTMP, waiting for video.");
		assertThat(result.warnings()).isEmpty();
	}

	@Test
	void describesTheVideoFromTheLiveBoardsSnapshot() {
		given(this.live.protocolOf("show", "slot-1")).willReturn("WebRTC");
		LiveCheck check = with(
				(app, slot) -> Optional.of(new StreamSnapshots.Snapshot("H264", 1920, 1080, 6_000_000, 1.0, false)));
		LiveCheck.Result result = check.check(this.slot);
		assertThat(result.message())
			.isEqualTo("We see you over WHIP: 1920×1080 H.264 at 6 Mbps, keyframes every 1 s, no B-frames.");
		assertThat(result.warnings()).isEmpty();
	}

	@Test
	void warnsWithTheObsFixForBframesAndSlowKeyframes() {
		given(this.live.protocolOf("show", "slot-1")).willReturn("RTMP");
		LiveCheck check = with(
				(app, slot) -> Optional.of(new StreamSnapshots.Snapshot("H264", 1280, 720, 2_500_000, 4.0, true)));
		LiveCheck.Result result = check.check(this.slot);
		assertThat(result.message()).contains("1280×720 H.264 at 2.5 Mbps, keyframes every 4 s, with B-frames");
		assertThat(result.warnings()).hasSize(2);
		assertThat(result.warnings().get(0)).contains("B-frames are on").contains("bframes=0");
		assertThat(result.warnings().get(1)).contains("Keyframe Interval: 1 s");
	}

	private LiveCheck withoutSnapshots() {
		return new LiveCheck(this.live, new StaticListableBeanFactory().getBeanProvider(StreamSnapshots.class));
	}

	private LiveCheck with(StreamSnapshots snapshots) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("snapshots", snapshots);
		return new LiveCheck(this.live, beans.getBeanProvider(StreamSnapshots.class));
	}

}
