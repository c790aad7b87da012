package io.greenroom.admission;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.greenroom.stream.App;
import io.greenroom.stream.PublishSecret;
import io.greenroom.stream.Slot;
import io.greenroom.stream.SlotRow;
import io.greenroom.stream.StreamCatalog;
import org.mockito.Mockito;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.util.ReflectionTestUtils;

/**
 * One admission decision in-process, with 1,000 apps × 10 slots in memory: the signature
 * check, the JSON parse and the decision, without HTTP. Run with
 * {@code bench/admission-decision.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AdmissionDecisionBenchmark {

	private static final String KEY = "benchmark-admission-key";

	private AdmissionPolicy policy;

	private JsonMapper json;

	private byte[] publish;

	private byte[] close;

	private byte[] play;

	private byte[] wrongKey;

	private String publishSignature;

	private String closeSignature;

	private String playSignature;

	private String wrongKeySignature;

	@Setup(Level.Trial)
	public void setUp() {
		List<Slot> slots = new ArrayList<>();
		List<App> apps = new ArrayList<>();
		String secret = null;
		for (int a = 0; a < 1000; a++) {
			App app = new App("bench-" + a, java.time.Instant.now());
			apps.add(app);
			for (int s = 0; s < 10; s++) {
				PublishSecret generated = PublishSecret.generate();
				if (a == 500 && s == 5) {
					secret = generated.value();
				}
				Slot slot = new Slot(app, "slot-" + s, "Slot", 2500, generated, java.time.Instant.now());
				ReflectionTestUtils.setField(slot, "id", (long) slots.size() + 1);
				slots.add(slot);
			}
		}
		StreamCatalog catalog = Mockito.mock(StreamCatalog.class);
		Mockito.when(catalog.allApps()).thenReturn(apps);
		Mockito.when(catalog.allSlotRows()).thenReturn(slots.stream().map(SlotRow::of).toList());
		Clock clock = Clock.systemUTC();
		this.policy = new AdmissionPolicy(new SlotDirectory(catalog), new LivePublishers(),
				new KeyGuard(new AdmissionProperties(10, Duration.ofMinutes(1), Duration.ofMinutes(5), 10000,
						java.util.List.of("127.0.0.0/8"), ""), clock),
				new TrustedProxies(java.util.List.of("127.0.0.0/8")), new LogBudget(),
				new ViewerTokens("viewer-key", clock), new SessionRecorder() {

					private long lastId;

					@Override
					public long newSessionId() {
						return ++this.lastId;
					}

					@Override
					public void opened(PublishSession session) {
					}

					@Override
					public void ended(long sessionId, String reason) {
					}

				}, (app, slot) -> {
				}, (event) -> {
				}, clock);
		this.json = JsonMapper.builder().build();
		String url = "rtmp://127.0.0.1:1935/bench-500/slot-5?key=" + secret;
		this.publish = bytes(OmeWebhook.opening("incoming", "RTMP", url, "172.18.0.5", 40000, "198.51.100.1", null));
		this.close = bytes(OmeWebhook.closing("incoming", "RTMP", url, "rtmp://127.0.0.1:1935/bench-500/slot-5",
				"172.18.0.5", 40000, "198.51.100.1"));
		this.play = bytes(OmeWebhook.opening("outgoing", "WebRTC", "ws://127.0.0.1:3333/bench-700/slot-3", "172.18.0.5",
				40001, "198.51.100.2", "Mozilla/5.0"));
		this.wrongKey = bytes(OmeWebhook.opening("incoming", "RTMP", "rtmp://127.0.0.1:1935/bench-1/slot-1?key=nope",
				"172.18.0.5", 40002, "198.51.100.3", null));
		this.publishSignature = OmeSignature.sign(KEY, this.publish);
		this.closeSignature = OmeSignature.sign(KEY, this.close);
		this.playSignature = OmeSignature.sign(KEY, this.play);
		this.wrongKeySignature = OmeSignature.sign(KEY, this.wrongKey);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		Mockito.framework().clearInlineMocks();
	}

	/** Publish with the right key, then its closing: two decisions per call. */
	@Benchmark
	public Object publishThenClose() {
		admit(this.publish, this.publishSignature);
		return admit(this.close, this.closeSignature);
	}

	@Benchmark
	public Object playPublicApp() {
		return admit(this.play, this.playSignature);
	}

	@Benchmark
	public Object wrongKey() {
		return admit(this.wrongKey, this.wrongKeySignature);
	}

	private Object admit(byte[] body, String signature) {
		if (!OmeSignature.verify(KEY, body, signature)) {
			throw new IllegalStateException("signature");
		}
		AdmissionRequest request;
		try (tools.jackson.core.JsonParser parser = this.json.createParser(body)) {
			request = AdmissionRequest.read(parser);
		}
		AdmissionResponse decision = this.policy.decide(request);
		// As the endpoint does once the answer is written.
		this.policy.announcePending();
		return decision;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
