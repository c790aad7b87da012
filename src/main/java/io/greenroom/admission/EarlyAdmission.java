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
import java.util.concurrent.locks.LockSupport;
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
import org.springframework.boot.support.EnvironmentPostProcessorApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

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
public final class EarlyAdmission {

	/** The name it is registered under in the application context. */
	static final String BEAN_NAME = "earlyAdmission";

	/**
	 * Asked for only once logging is set up: the first logger sets up a default
	 * configuration (about 0.15 s) that would delay taking the port.
	 */
	private static Logger logger() {
		return LoggerFactory.getLogger(EarlyAdmission.class);
	}

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

	/** Requests being answered now. */
	private final AtomicInteger inFlight = new AtomicInteger();

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
	 * What the early server is started from, as bound from one environment: it is adopted
	 * by the application only if its own settings say the same.
	 *
	 * @param port {@code server.port}
	 * @param address {@code server.address}, or null for every address
	 * @param properties {@code greenroom.admission.*}, the snapshot file among them
	 * @param database {@code spring.datasource.url}, which the snapshot must be of
	 */
	record Inputs(int port, @Nullable String address, AdmissionProperties properties, String database) {

		/** The settings as {@code environment} has them, or null if one is malformed. */
		static @Nullable Inputs of(ConfigurableEnvironment environment) {
			Binder binder = Binder.get(environment);
			try {
				return new Inputs(binder.bind("server.port", Integer.class).orElse(8080),
						binder.bind("server.address", String.class).orElse(null),
						binder.bindOrCreate("greenroom.admission", AdmissionProperties.class),
						binder.bind("spring.datasource.url", String.class).orElse(""));
			}
			catch (RuntimeException ex) {
				// A malformed setting: the application says which when it fails to start.
				return null;
			}
		}

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
		// Read plainly, without Spring Boot's binder and its conversions (about 0.25 s
		// the first time): the port is taken first, the rest is bound meanwhile.
		int port;
		Path file;
		try {
			port = Integer.parseInt(environment.getProperty("server.port", "8080").trim());
			String snapshot = environment.getProperty("greenroom.admission.snapshot-file",
					AdmissionProperties.DEFAULT_SNAPSHOT_FILE);
			file = snapshot.isBlank() ? null : Path.of(snapshot.trim());
		}
		catch (RuntimeException ex) {
			// Malformed: the application says so when it fails to start.
			return null;
		}
		String address = environment.getProperty("server.address");
		if (port <= 0 || file == null || !Files.isRegularFile(file)) {
			return null;
		}
		HttpServer server;
		try {
			server = HttpServer.create(new InetSocketAddress(
					(address != null && !address.isBlank()) ? InetAddress.getByName(address.trim()) : null, port), 100);
		}
		catch (IOException | RuntimeException ex) {
			// Logging is not set up yet.
			sayLater.accept(
					"Could not take port " + port + " (" + ex.getMessage() + ") to answer admission while starting");
			return null;
		}
		EarlyAdmission early = new EarlyAdmission(server);
		Thread loader = new Thread(() -> {
			// Binding the settings and reading the file take about as long as each other.
			CompletableFuture<@Nullable Inputs> inputs = new CompletableFuture<>();
			Thread binder = new Thread(() -> inputs.complete(Inputs.of(environment)), "early-admission-settings");
			binder.setDaemon(true);
			binder.start();
			early.load(file, inputs, port, starting);
		}, "early-admission-load");
		loader.setDaemon(true);
		early.loader = loader;
		loader.start();
		return early;
	}

	private void load(Path file, CompletableFuture<@Nullable Inputs> settings, int port, long starting) {
		try {
			AdmissionSnapshot snapshot = AdmissionSnapshot.read(file);
			Inputs inputs = settings.join();
			if (inputs == null || !file.equals(inputs.properties().snapshotPath())) {
				// A malformed setting (the application says which), or the file named
				// twice differently.
				this.webhook.complete(null);
				stop();
				return;
			}
			AdmissionProperties properties = inputs.properties();
			if (snapshot == null || !snapshot.database().equals(AdmissionSnapshot.databaseId(inputs.database()))) {
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
			logger().warn(this.problem);
		}
		else if (this.note != null) {
			logger().info(this.note);
		}
		return this.webhook.getNow(null) != null;
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.inFlight.incrementAndGet();
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
			this.inFlight.decrementAndGet();
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
	 * just before Tomcat takes the port. The port is closed until Tomcat has it, so what
	 * happened until now is handed over first, while this still answers, and only what
	 * came in meanwhile after it stops.
	 */
	synchronized void handOver(LivePublishers live, SessionRecorder history, ApplicationEventPublisher publisher,
			AdmissionPolicy.Kicker kicker) {
		HandedOver done = new HandedOver();
		handOverSoFar(done, history, publisher, kicker);
		stop();
		handOverSoFar(done, history, publisher, kicker);
		this.live.byApp().forEach((app, slots) -> slots.forEach((slot, onAir) -> {
			Long id = done.ids.get(onAir.sessionId());
			if (id != null) {
				live.claim(app, slot, new LivePublishers.Publisher(id, onAir.address(), onAir.port(), onAir.protocol(),
						onAir.since()));
			}
		}));
		// The application keeps this object (it is a bean); not its copy of the
		// catalogue.
		this.webhook = CompletableFuture.completedFuture(null);
		this.events.clear();
		this.kicks.clear();
		logger().info("Answered {} admission request(s) while starting; handing over {} publish session(s)",
				this.answered.get(), done.opened);
	}

	/** What {@link #handOver} has given the application so far. */
	private static final class HandedOver {

		final Map<Long, Long> ids = new HashMap<>();

		int changes;

		int events;

		int kicks;

		int opened;

	}

	private void handOverSoFar(HandedOver done, SessionRecorder history, ApplicationEventPublisher publisher,
			AdmissionPolicy.Kicker kicker) {
		List<Object> changes = this.sessions.changes();
		for (Object change : changes.subList(done.changes, changes.size())) {
			if (change instanceof PublishSession session) {
				long id = history.newSessionId();
				done.ids.put(session.getId(), id);
				history.opened(new PublishSession(id, session.getSlotId(), session.getAppName(), session.getSlotName(),
						session.getProtocol(), session.getClientAddress(), session.getClientPort(), session.getRealIp(),
						session.getUserAgent(), session.getStartedAt()));
				done.opened++;
			}
			else if (change instanceof Ended ended && done.ids.containsKey(ended.sessionId())) {
				history.ended(done.ids.get(ended.sessionId()), ended.reason());
			}
		}
		done.changes = changes.size();
		List<Object> events;
		synchronized (this.events) {
			events = List.copyOf(this.events.subList(done.events, this.events.size()));
		}
		events.forEach(publisher::publishEvent);
		done.events += events.size();
		List<String[]> kicks;
		synchronized (this.kicks) {
			kicks = List.copyOf(this.kicks.subList(done.kicks, this.kicks.size()));
		}
		kicks.forEach((kick) -> kicker.kickLater(kick[0], kick[1]));
		done.kicks += kicks.size();
	}

	/** How many admission requests it has answered. */
	long answered() {
		return this.answered.get();
	}

	/** Stops answering, letting the requests being answered finish. */
	synchronized void stop() {
		if (this.stopped) {
			return;
		}
		this.stopped = true;
		// Until the port is closed Tomcat cannot take it, and nobody is answered. Java
		// 17's HttpServer.stop(delay) closes it and then sleeps in steps of 200 ms until
		// no exchange is open (0.2-0.5 s under load), so the answers being written are
		// waited for here, a millisecond at a time, and the server stopped without delay.
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
		while (this.inFlight.get() > 0 && System.nanoTime() < deadline) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
		}
		this.server.stop(0);
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

		/** Started by {@link #beforeSpring}, waiting to be adopted or stopped. */
		private static @Nullable Started started;

		private @Nullable EarlyAdmission early;

		private @Nullable String unavailable;

		/**
		 * Starts the early server from {@code main}, before Spring Boot: about 0.6 s
		 * sooner than after its settings are read. The settings come from the command
		 * line, Java's system properties, the environment and the
		 * {@code application.properties} files on the class path (with those of the
		 * profiles named there); when Spring Boot has read its own (which may also come
		 * from elsewhere), the server is adopted only if they say the same, else it is
		 * stopped and started again from them.
		 * @param args the command line
		 */
		public static void beforeSpring(String[] args) {
			ConfigurableEnvironment environment;
			try {
				environment = environmentBeforeSpring(args);
			}
			catch (RuntimeException ex) {
				return;
			}
			String[] unavailable = new String[1];
			EarlyAdmission early = EarlyAdmission.start(environment, (message) -> unavailable[0] = message);
			if (early != null || unavailable[0] != null) {
				started = new Started(early, environment, unavailable[0]);
			}
		}

		static ConfigurableEnvironment environmentBeforeSpring(String[] args) {
			StandardEnvironment environment = new StandardEnvironment();
			MutablePropertySources sources = environment.getPropertySources();
			sources.addFirst(new SimpleCommandLinePropertySource(args));
			// Least specific last: application.properties, then each profile's file.
			addIfPresent(sources, "application.properties");
			for (String profile : environment.getActiveProfiles()) {
				addIfPresent(sources, "application-" + profile + ".properties");
			}
			return environment;
		}

		private static void addIfPresent(MutablePropertySources sources, String name) {
			ClassPathResource resource = new ClassPathResource(name);
			if (!resource.exists()) {
				return;
			}
			try {
				// Added before application.properties, after the environment.
				PropertySource<?> source = new ResourcePropertySource(name, resource);
				if (sources.contains("application.properties")) {
					sources.addBefore("application.properties", source);
				}
				else {
					sources.addLast(source);
				}
			}
			catch (IOException ex) {
				// Unreadable: Spring Boot's start says so.
			}
		}

		/** The server this listener adopted or started, for tests. */
		@Nullable EarlyAdmission early() {
			return this.early;
		}

		/** The server {@link #beforeSpring} started, with what it was started from. */
		private record Started(@Nullable EarlyAdmission early, ConfigurableEnvironment environment,
				@Nullable String unavailable) {
		}

		/**
		 * The server started before Spring if it was started from these settings,
		 * otherwise one started now from them.
		 */
		private @Nullable EarlyAdmission adoptOrStart(ConfigurableEnvironment environment) {
			Started before = started;
			started = null;
			if (before != null) {
				Inputs inputs = Inputs.of(environment);
				// Not started (the port was taken, say): tried again now.
				if (before.early() != null && inputs != null && inputs.equals(Inputs.of(before.environment()))) {
					this.unavailable = before.unavailable();
					return before.early();
				}
				if (before.early() != null) {
					before.early().stop();
				}
			}
			return EarlyAdmission.start(environment, (message) -> this.unavailable = message);
		}

		@Override
		public boolean supportsEventType(Class<? extends ApplicationEvent> type) {
			return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
					|| ApplicationContextInitializedEvent.class.isAssignableFrom(type)
					|| ApplicationFailedEvent.class.isAssignableFrom(type);
		}

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
				this.early = adoptOrStart(prepared.getEnvironment());
			}
			else if (event instanceof ApplicationContextInitializedEvent initialized) {
				if (this.unavailable != null) {
					logger().info(this.unavailable);
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
