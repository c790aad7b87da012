package io.greenroom.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for OME's signalling port, not OME, for pages that must not reach the
 * network. It accepts each player's WebSocket request and never answers, as if OME were
 * slow, so the player stays on the page; a request under {@code /refused/} is accepted
 * and hung up at once, as a player sees a stream OME does not have. It records each
 * request line, so a test can count how often players dialled.
 */
final class SilentSignalling implements AutoCloseable {

	/** The app name whose requests are closed at once. */
	static final String REFUSED_APP = "refused";

	private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

	private final ServerSocket server;

	private final List<String> requestLines = new CopyOnWriteArrayList<>();

	private final List<Socket> held = new CopyOnWriteArrayList<>();

	SilentSignalling() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "silent-signalling");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** How many requests arrived for a path starting with {@code prefix}. */
	long requests(String prefix) {
		return this.requestLines.stream().filter((line) -> line.startsWith("GET " + prefix)).count();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				String line = readLine(socket.getInputStream());
				this.requestLines.add(line);
				if (line.startsWith("GET /" + REFUSED_APP + "/")) {
					refuse(socket);
				}
				else {
					this.held.add(socket);
				}
			}
			catch (IOException ex) {
				// Closed: the test is over.
			}
		}
	}

	/**
	 * Completes the WebSocket handshake and then hangs up, which a player reports as
	 * OvenPlayer's error 501, as when OME has no such stream.
	 */
	private static void refuse(Socket socket) throws IOException {
		try (socket) {
			InputStream in = socket.getInputStream();
			String key = "";
			for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
				if (header.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
					key = header.substring(header.indexOf(':') + 1).strip();
				}
			}
			String accept = Base64.getEncoder()
				.encodeToString(sha1((key + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII)));
			OutputStream out = socket.getOutputStream();
			out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Accept: " + accept + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}
	}

	private static byte[] sha1(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-1").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int b;
		while ((b = in.read()) != -1 && b != '\n' && line.length() < 2048) {
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.held) {
			socket.close();
		}
	}

}
