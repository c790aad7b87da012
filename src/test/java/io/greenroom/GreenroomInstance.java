package io.greenroom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.greenroom.ome.OmeSecrets;
import io.greenroom.stream.StreamCatalog;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the whole application the way {@code ./mvnw spring-boot:run} does, on a random
 * port (unless {@code server.port} is given), with its H2 file in a directory the test
 * owns.
 */
public final class GreenroomInstance implements AutoCloseable {

	private static final Pattern GENERATED_PASSWORD = Pattern.compile("password: (\\S+)");

	private final ConfigurableApplicationContext context;

	private GreenroomInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Starts on an H2 file database under {@code dataDir}. */
	public static GreenroomInstance startWithH2File(Path dataDir, String... properties) {
		List<String> all = new ArrayList<>();
		all.add("spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("greenroom").toAbsolutePath());
		all.addAll(List.of(properties));
		return start(dataDir, all.toArray(String[]::new));
	}

	/**
	 * Starts with OME's config written under {@code dataDir} and these extra properties.
	 */
	public static GreenroomInstance start(Path dataDir, String... properties) {
		return start(dataDir, (context) -> {
		}, properties);
	}

	/**
	 * As {@link #start(Path, String...)}, with {@code initializer} run once the settings
	 * are read and before the application context is built.
	 */
	public static GreenroomInstance start(Path dataDir,
			ApplicationContextInitializer<ConfigurableApplicationContext> initializer, String... properties) {
		// As command-line arguments, so they win over application.properties.
		List<String> arguments = new ArrayList<>();
		if (Arrays.stream(properties).noneMatch((property) -> property.startsWith("server.port="))) {
			arguments.add("--server.port=0");
		}
		if (Arrays.stream(properties).noneMatch((property) -> property.startsWith("greenroom.ome.config-dir="))) {
			arguments.add("--greenroom.ome.config-dir=" + dataDir.resolve("ome-conf").toAbsolutePath());
		}
		if (Arrays.stream(properties)
			.noneMatch((property) -> property.startsWith("greenroom.admission.snapshot-file="))) {
			arguments.add("--greenroom.admission.snapshot-file="
					+ dataDir.resolve("admission-snapshot.json").toAbsolutePath());
		}
		for (String property : properties) {
			arguments.add("--" + property);
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(GreenroomApplication.class)
			.initializers(initializer)
			.run(arguments.toArray(String[]::new));
		GreenroomInstance instance = new GreenroomInstance(context);
		instance.rememberSecrets();
		return instance;
	}

	/**
	 * Notes this instance's secrets for {@link SecretScan}: at start and at close, so
	 * whatever a test created is included (a secret rotated away in between is not).
	 */
	private void rememberSecrets() {
		if (!this.context.isActive()) {
			return;
		}
		List<String> secrets = new ArrayList<>();
		this.bean(StreamCatalog.class).allSlotRows().forEach((slot) -> secrets.add(slot.publishSecret()));
		OmeSecrets ome = this.bean(OmeSecrets.class);
		secrets.add(ome.admissionSecretKey());
		secrets.add(ome.current().apiAccessToken());
		secrets.add(ome.viewerTokenKey());
		SecretScan.remember(secrets);
	}

	/** The admin password Greenroom printed on its first start. */
	public static String generatedAdminPassword(CapturedOutput output) {
		Matcher matcher = GENERATED_PASSWORD.matcher(output.getOut());
		assertThat(matcher.find()).as("the log shows the generated password").isTrue();
		return matcher.group(1);
	}

	/**
	 * Calls {@code listener} with every event of {@code type} the application publishes.
	 */
	public <E> void listen(Class<E> type, Consumer<E> listener) {
		this.context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) (event) -> {
			if (type.isInstance(event.getPayload())) {
				listener.accept(type.cast(event.getPayload()));
			}
		});
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public String baseUrl() {
		return "http://localhost:" + webServer().getPort();
	}

	public WebServer webServer() {
		return ((WebServerApplicationContext) this.context).getWebServer();
	}

	@Override
	public void close() {
		rememberSecrets();
		this.context.close();
	}

}
