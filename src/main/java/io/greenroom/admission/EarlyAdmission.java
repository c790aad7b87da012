package io.greenroom.admission;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.json.JsonFactory;

import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.boot.support.EnvironmentPostProcessorApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Answers OME's admission webhook while Greenroom starts. The application takes several
 * seconds to come up, and until something answers OME refuses every publisher and every
 * WebRTC viewer. So as soon as the settings are read, before the application context is
 * built, this reads the {@link AdmissionSnapshot} the previous run left, and answers on
 * Greenroom's own port with the same {@link AdmissionWebhook} and {@link AdmissionPolicy}
 * the application uses, from that copy. Every other path gets a short "starting" page.
 * <p>
 * Just before Tomcat takes the port, {@link #handOver} stops this server (letting the
 * requests it is answering finish) and gives the application what happened meanwhile:
 * publishers on air, their session records, the events for listeners (notifications, the
 * live board) and the kicks to send. Without a snapshot (a first start, or the setting
 * empty) Greenroom starts as before and answers once it is up.
 * <p>
 * What it cannot know: a slot or secret changed after the snapshot was written (it is
 * rewritten at every change, so only a database restored from elsewhere), and the
 * wrong-key counts of the previous run (those are not kept across restarts at all).
 */
final class EarlyAdmission {

	/** The name it is registered under in the application context. */
	static final String BEAN_NAME = "earlyAdmission";

	private static final Logger logger = LoggerFactory.getLogger(EarlyAdmission.class);

	private static final byte[] STARTING_PAGE = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
			+ "<meta http-equiv=\"refresh\" content=\"2\"><title>Greenroom is starting</title></head>"
			+ "<body><h1>Greenroom is starting</h1><p>This page reloads by itself in a moment. Streams that are "
			+ "on air stay on air, and OME's admission requests are already answered.</p></body></html>")
		.getBytes(StandardCharsets.UTF_8);

	/** How long a request waits for the snapshot to be read. */
	static final long WAIT_MILLIS = 2500;

	private final HttpServer server;

	private final ExecutorService threads;

	/** Dropped once handed over, with the copy of the catalogue it decides from. */
	private volatile CompletableFuture<@Nullable AdmissionWebhook> webhook = new CompletableFuture<>();

	private final LivePublishers live = new LivePublishers();

	private final Recorder sessions = new Recorder();

	private final List<Object> events = Collections.synchronizedList(new ArrayList<>());

	private final List<String[]> kicks = Collections.synchronizedList(new ArrayList<>());

	private final AtomicLong answered = new AtomicLong();

	private volatile @Nullable Thread loader;

	private volatile @Nullable String note;

	private volatile @Nullable String problem;

	private boolean stopped;

	private EarlyAdmission(HttpServer server) {
		this.server = server;
		AtomicInteger count = new AtomicInteger();
		this.threads = Executors.newFixedThreadPool(4, (runnable) -> {
			Thread thread = new Thread(runnable, "early-admission-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		server.setExecutor(this.threads);
		server.createContext("/", this::handle);
		server.start();
	}

	/**
	 * Takes {@code server.address}:{@code server.port} at once, and reads the snapshot
	 * named by {@code greenroom.admission.snapshot-file} on another thread: a request
	 * that arrives before it is read waits for it (up to {@link #WAIT_MILLIS}), which
	 * OME, with its 3 s timeout, prefers to a refused connection.
	 * @return the running server, or null when there is no snapshot or the port cannot be
	 * taken (Greenroom then starts as it would without it)
	 */
	static @Nullable EarlyAdmission start(ConfigurableEnvironment environment, Consumer<String> sayLater) {
		if (Boolean.getBoolean("spring.aot.processing")) {
			return null;
		}
		long starting = System.nanoTime();
		Binder binder = Binder.get(environment);
		AdmissionProperties properties;
		int port;
		String address;
		String database;
		try {
			properties = binder.bindOrCreate("greenroom.admission", AdmissionProperties.class);
			port = binder.bind("server.port", Integer.class).orElse(8080);
			address = binder.bind("server.address", String.class).orElse(null);
			database = binder.bind("spring.datasource.url", String.class).orElse("");
		}
		catch (RuntimeException ex) {
			// A malformed setting: the application says which when it fails to start.
			return null;
		}
		Path file = properties.snapshotPath();
		if (file == null || port <= 0 || !Files.isRegularFile(file)) {
			return null;
		}
		HttpServer server;
		try {
			server = HttpServer
				.create(new InetSocketAddress((address != null) ? InetAddress.getByName(address) : null, port), 100);
		}
		catch (IOException ex) {
			// Logging is not set up yet.
			sayLater.accept(
					"Could not take port " + port + " (" + ex.getMessage() + ") to answer admission while starting");
			return null;
		}
		EarlyAdmission early = new EarlyAdmission(server);
		Thread loader = new Thread(() -> early.load(file, database, properties, port, starting),
				"early-admission-load");
		loader.setDaemon(true);
		early.loader = loader;
		loader.start();
		return early;
	}

	private void load(Path file, String database, AdmissionProperties properties, int port, long starting) {
		try {
			AdmissionSnapshot snapshot = AdmissionSnapshot.read(file);
			if (snapshot == null || !snapshot.database().equals(AdmissionSnapshot.databaseId(database))) {
				this.note = "The admission snapshot " + file + " is of another database; admission answers once "
						+ "Greenroom is up";
				this.webhook.complete(null);
				stop();
				return;
			}
			this.webhook.complete(webhook(snapshot, properties));
			this.note = "Answering OME's admission webhook on port " + port + " while Greenroom starts ("
					+ snapshot.apps().size() + " apps, " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - starting)
					+ " ms after the settings were read)";
		}
		catch (IOException | RuntimeException ex) {
			this.problem = "Ignoring the admission snapshot " + file + ": " + ex.getMessage()
					+ "; admission answers once Greenroom is up";
			this.webhook.complete(null);
			stop();
		}
	}

	private AdmissionWebhook webhook(AdmissionSnapshot snapshot, AdmissionProperties properties) {
		Clock clock = Clock.systemUTC();
		LogBudget budget = new LogBudget();
		AdmissionPolicy policy = new AdmissionPolicy(SlotDirectory.fixed(snapshot.directory()), this.live,
				new KeyGuard(properties, clock, budget), new TrustedProxies(properties.trustedProxies()), budget,
				new ViewerTokens(snapshot.viewerKey(), clock), this.sessions,
				(app, slot) -> this.kicks.add(new String[] { app, slot }), this.events::add, clock);
		return new AdmissionWebhook(policy, snapshot::admissionKey, new JsonFactory(), budget,
				new AdmissionAnswers(new CompositeMeterRegistry()));
	}

	/**
	 * Waits until the snapshot is read, then says (now that logging is set up) how it
	 * went.
	 * @return whether it is answering
	 */
	boolean awaitLoaded() {
		Thread loader = this.loader;
		try {
			if (loader != null) {
				loader.join(TimeUnit.SECONDS.toMillis(10));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (this.problem != null) {
			logger.warn(this.problem);
		}
		else if (this.note != null) {
			logger.info(this.note);
		}
		return this.webhook.getNow(null) != null;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			if (!AdmissionEndpoint.PATH.equals(exchange.getRequestURI().getPath())) {
				exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
				exchange.getResponseHeaders().set("Retry-After", "2");
				exchange.getResponseHeaders().set("Cache-Control", "no-store");
				send(exchange, 503, STARTING_PAGE);
				return;
			}
			String length = exchange.getRequestHeaders().getFirst("Content-Length");
			long declared;
			try {
				declared = (length != null) ? Long.parseLong(length.trim()) : -1;
			}
			catch (NumberFormatException ex) {
				declared = -1;
			}
			AdmissionWebhook webhook = loaded();
			if (webhook == null) {
				send(exchange, 503, null);
				return;
			}
			AdmissionWebhook.Answer answer = webhook.answer(exchange.getRequestMethod(), declared,
					exchange.getRequestBody(), exchange.getRequestHeaders().getFirst(OmeSignature.HEADER),
					() -> exchange.getRemoteAddress().getAddress().getHostAddress());
			if (answer == AdmissionWebhook.NOT_POST) {
				exchange.getResponseHeaders().set("Allow", "POST");
			}
			if (answer.body() != null) {
				exchange.getResponseHeaders().set("Content-Type", "application/json");
			}
			send(exchange, answer.status(), answer.body());
			this.answered.incrementAndGet();
			webhook.afterAnswer();
		}
		finally {
			exchange.close();
		}
	}

	private @Nullable AdmissionWebhook loaded() {
		try {
			return this.webhook.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException | TimeoutException ex) {
			return null;
		}
	}

	private static void send(HttpExchange exchange, int status, byte @Nullable [] body) throws IOException {
		exchange.sendResponseHeaders(status, (body != null) ? body.length : -1);
		if (body != null) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	/**
	 * Stops answering and gives the application what happened meanwhile. Called once,
	 * just before Tomcat takes the port.
	 */
	synchronized void handOver(LivePublishers live, SessionRecorder history, ApplicationEventPublisher publisher,
			AdmissionPolicy.Kicker kicker) {
		stop();
		Map<Long, Long> ids = new HashMap<>();
		int opened = 0;
		for (Object change : this.sessions.changes()) {
			if (change instanceof PublishSession session) {
				long id = history.newSessionId();
				ids.put(session.getId(), id);
				history.opened(new PublishSession(id, session.getSlotId(), session.getAppName(), session.getSlotName(),
						session.getProtocol(), session.getClientAddress(), session.getClientPort(), session.getRealIp(),
						session.getUserAgent(), session.getStartedAt()));
				opened++;
			}
			else if (change instanceof Ended ended && ids.containsKey(ended.sessionId())) {
				history.ended(ids.get(ended.sessionId()), ended.reason());
			}
		}
		this.live.byApp().forEach((app, slots) -> slots.forEach((slot, onAir) -> {
			Long id = ids.get(onAir.sessionId());
			if (id != null) {
				live.claim(app, slot, new LivePublishers.Publisher(id, onAir.address(), onAir.port(), onAir.protocol(),
						onAir.since()));
			}
		}));
		List<Object> events;
		synchronized (this.events) {
			events = List.copyOf(this.events);
		}
		events.forEach(publisher::publishEvent);
		synchronized (this.kicks) {
			this.kicks.forEach((kick) -> kicker.kickLater(kick[0], kick[1]));
		}
		// The application keeps this object (it is a bean); not its copy of the
		// catalogue.
		this.webhook = CompletableFuture.completedFuture(null);
		this.events.clear();
		this.kicks.clear();
		logger.info("Answered {} admission request(s) while starting; handing over {} publish session(s)",
				this.answered.get(), opened);
	}

	/** Stops answering, letting the requests being answered finish. */
	synchronized void stop() {
		if (this.stopped) {
			return;
		}
		this.stopped = true;
		// Closes the listening socket at once; waits (up to 1 s) only while an answer is
		// being written.
		this.server.stop(1);
		this.threads.shutdown();
		try {
			this.threads.awaitTermination(2, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A session ended while starting. */
	private record Ended(long sessionId, String reason) {
	}

	/**
	 * Keeps session records until the application's history takes them, with provisional
	 * (negative) ids: the real ones continue from the database's largest.
	 */
	private static final class Recorder implements SessionRecorder {

		private final AtomicLong provisional = new AtomicLong();

		private final List<Object> changes = new ArrayList<>();

		@Override
		public long newSessionId() {
			return -this.provisional.incrementAndGet();
		}

		@Override
		public synchronized void opened(PublishSession session) {
			this.changes.add(session);
		}

		@Override
		public synchronized void ended(long sessionId, String reason) {
			this.changes.add(new Ended(sessionId, reason));
		}

		synchronized List<Object> changes() {
			return List.copyOf(this.changes);
		}

	}

	/**
	 * Starts {@link EarlyAdmission} as soon as the settings are read, puts it in the
	 * application context for the hand-over, and stops it if the start fails. Registered
	 * in {@code META-INF/spring.factories}.
	 */
	public static final class Starter implements SmartApplicationListener {

		private @Nullable EarlyAdmission early;

		private @Nullable String unavailable;

		@Override
		public boolean supportsEventType(Class<? extends ApplicationEvent> type) {
			return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
					|| ApplicationContextInitializedEvent.class.isAssignableFrom(type)
					|| ApplicationFailedEvent.class.isAssignableFrom(type);
		}

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
				this.early = EarlyAdmission.start(prepared.getEnvironment(), (message) -> this.unavailable = message);
			}
			else if (event instanceof ApplicationContextInitializedEvent initialized) {
				if (this.unavailable != null) {
					logger.info(this.unavailable);
				}
				if (this.early != null && this.early.awaitLoaded()) {
					initialized.getApplicationContext().getBeanFactory().registerSingleton(BEAN_NAME, this.early);
				}
			}
			else if (event instanceof ApplicationFailedEvent && this.early != null) {
				this.early.stop();
			}
		}

		/**
		 * Right after the settings are read (Spring Boot's config data listener), before
		 * logging is set up: what happens until then is said once it is.
		 */
		@Override
		public int getOrder() {
			return EnvironmentPostProcessorApplicationListener.DEFAULT_ORDER + 1;
		}

	}

}
