package io.greenroom.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in WHIP endpoint on loopback, with CORS headers: it records each SDP offer and
 * answers with a status the test sets, or with an SDP answer the test supplies (made by a
 * second RTCPeerConnection in the browser), and records the DELETEs that end sessions. It
 * makes no media of its own. Players that dial it for signalling (a GET) get no answer
 * for up to 30 s, as if the media server were slow, so they stay on the page.
 */
final class WhipStandIn implements AutoCloseable {

	/**
	 * One POST as received.
	 *
	 * @param path request path
	 * @param query raw query string
	 * @param contentType Content-Type header
	 * @param sdp the offer
	 */
	record Offer(String path, String query, String contentType, String sdp) {
	}

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final BlockingQueue<Offer> offers = new LinkedBlockingQueue<>();

	private final List<String> deletes = new CopyOnWriteArrayList<>();

	private final AtomicInteger sessions = new AtomicInteger();

	private final CountDownLatch closed = new CountDownLatch(1);

	private volatile int status = 201;

	private volatile CompletableFuture<String> answer = new CompletableFuture<>();

	WhipStandIn() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Answer the next POSTs with this status and no SDP (401, 409, ...); 201 to answer.
	 */
	void respondWith(int status) {
		this.status = status;
		this.answer = new CompletableFuture<>();
	}

	/** The next offer, waiting up to {@code seconds}. */
	Offer nextOffer(int seconds) throws InterruptedException {
		Offer offer = this.offers.poll(seconds, TimeUnit.SECONDS);
		if (offer == null) {
			throw new AssertionError("No WHIP offer arrived within " + seconds + " s");
		}
		return offer;
	}

	/** Completes the waiting POST with this SDP answer. */
	void answer(String sdp) {
		this.answer.complete(sdp);
	}

	List<String> deletes() {
		return this.deletes;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
			exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "POST, DELETE, OPTIONS");
			exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type");
			exchange.getResponseHeaders().add("Access-Control-Expose-Headers", "Location");
			switch (exchange.getRequestMethod()) {
				case "OPTIONS" -> exchange.sendResponseHeaders(204, -1);
				case "DELETE" -> {
					this.deletes.add(exchange.getRequestURI().getPath());
					exchange.sendResponseHeaders(200, -1);
				}
				case "POST" -> post(exchange);
				case "GET" -> holdSilently();
				default -> exchange.sendResponseHeaders(405, -1);
			}
		}
	}

	private void post(HttpExchange exchange) throws IOException {
		String sdp = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.offers.add(new Offer(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
				exchange.getRequestHeaders().getFirst("Content-Type"), sdp));
		int reply = this.status;
		if (reply != 201) {
			exchange.sendResponseHeaders(reply, -1);
			return;
		}
		String answer;
		try {
			answer = this.answer.get(20, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			exchange.sendResponseHeaders(504, -1);
			return;
		}
		byte[] body = answer.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/sdp");
		exchange.getResponseHeaders().add("Location", "/whip/resource/" + this.sessions.incrementAndGet());
		exchange.sendResponseHeaders(201, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private void holdSilently() {
		try {
			this.closed.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.closed.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
