package io.greenroom.ome.real;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A stand-in for a Discord webhook (OkHttp MockWebServer) that answers 204 to every post
 * and keeps each body, for the real-OME tests that count notifications.
 */
final class RecordingDiscord implements AutoCloseable {

	private final MockWebServer server = new MockWebServer();

	private final List<String> messages = new CopyOnWriteArrayList<>();

	RecordingDiscord() throws IOException {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				RecordingDiscord.this.messages.add(request.getBody().readUtf8());
				return new MockResponse().setResponseCode(204);
			}
		});
		this.server.start();
	}

	/**
	 * The webhook URL to give a target (needs
	 * {@code greenroom.notify.allow-insecure-urls=true}).
	 */
	String url() {
		return this.server.url("/api/webhooks/123456789012345678/token").toString();
	}

	/** Every body posted so far, in order; live. */
	List<String> messages() {
		return this.messages;
	}

	@Override
	public void close() throws IOException {
		this.server.shutdown();
	}

}
