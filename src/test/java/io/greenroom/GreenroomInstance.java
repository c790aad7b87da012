package io.greenroom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole application the way {@code ./mvnw spring-boot:run} does, on a random
 * port, with its H2 file in a directory the test owns.
 */
public final class GreenroomInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private GreenroomInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Starts on an H2 file database under {@code dataDir}. */
	public static GreenroomInstance startWithH2File(Path dataDir, String... properties) {
		List<String> all = new ArrayList<>();
		all.add("spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("greenroom").toAbsolutePath());
		all.addAll(List.of(properties));
		return start(all.toArray(String[]::new));
	}

	/** Starts with exactly these extra properties. */
	public static GreenroomInstance start(String... properties) {
		// As command-line arguments, so they win over application.properties.
		List<String> arguments = new ArrayList<>();
		arguments.add("--server.port=0");
		for (String property : properties) {
			arguments.add("--" + property);
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(GreenroomApplication.class)
			.run(arguments.toArray(String[]::new));
		return new GreenroomInstance(context);
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public String baseUrl() {
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		return "http://localhost:" + port;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
