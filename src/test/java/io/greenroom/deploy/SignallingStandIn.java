package io.greenroom.deploy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
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
 * A stand-in for OME's signalling port (3333), not OME: it answers an HTTP POST the way
 * OME answers WHIP (201 with a {@code Location} under the stream) and echoes WebSocket
 * text frames. It records each request line, and each request's headers, so a test can
 * see what arrived.
 */
final class SignallingStandIn implements AutoCloseable {

	private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

	private final ServerSocket server;

	private final List<String> requestLines = new CopyOnWriteArrayList<>();

	private final List<List<String>> headers = new CopyOnWriteArrayList<>();

	SignallingStandIn() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "signalling-stand-in");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	List<String> requestLines() {
		return this.requestLines;
	}

	/** The header lines of the request whose request line is {@code requestLine}. */
	List<String> headersOf(String requestLine) {
		int index = this.requestLines.lastIndexOf(requestLine);
		return (index >= 0 && index < this.headers.size()) ? this.headers.get(index) : List.of();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				Thread handler = new Thread(() -> handle(socket), "signalling-stand-in-connection");
				handler.setDaemon(true);
				handler.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void handle(Socket socket) {
		try (socket) {
			socket.setSoTimeout(10_000);
			InputStream in = new BufferedInputStream(socket.getInputStream());
			OutputStream out = socket.getOutputStream();
			String requestLine = line(in);
			List<String> headers = new CopyOnWriteArrayList<>();
			String key = null;
			int length = 0;
			String header;
			while (!(header = line(in)).isEmpty()) {
				headers.add(header);
				String lower = header.toLowerCase(Locale.ROOT);
				if (lower.startsWith("sec-websocket-key:")) {
					key = header.substring(header.indexOf(':') + 1).trim();
				}
				else if (lower.startsWith("content-length:")) {
					length = Integer.parseInt(header.substring(header.indexOf(':') + 1).trim());
				}
			}
			synchronized (this) {
				this.headers.add(headers);
				this.requestLines.add(requestLine);
			}
			if (key != null) {
				out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
						+ "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				out.flush();
				echoFrames(in, out);
				return;
			}
			byte[] body = in.readNBytes(length);
			String path = requestLine.split(" ")[1];
			String stream = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
			String answer = "stand-in received " + requestLine + " with " + body.length + " bytes";
			byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
			out.write(("HTTP/1.1 201 Created\r\nContent-Type: text/plain\r\nLocation: " + stream
					+ "/session-1?direction=whip\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(bytes);
			out.flush();
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	/** Echoes text frames (client frames are masked; server frames are not). */
	private static void echoFrames(InputStream in, OutputStream out) throws IOException {
		while (true) {
			int first = in.read();
			if (first < 0) {
				return;
			}
			int second = in.read();
			long length = second & 0x7f;
			if (length == 126) {
				length = (in.read() << 8) | in.read();
			}
			else if (length == 127) {
				return;
			}
			byte[] mask = in.readNBytes(4);
			byte[] payload = in.readNBytes((int) length);
			for (int i = 0; i < payload.length; i++) {
				payload[i] ^= mask[i % 4];
			}
			int opcode = first & 0x0f;
			if (opcode == 8) {
				out.write(new byte[] { (byte) 0x88, 0 });
				out.flush();
				return;
			}
			ByteArrayOutputStream frame = new ByteArrayOutputStream();
			frame.write(0x80 | opcode);
			if (payload.length < 126) {
				frame.write(payload.length);
			}
			else {
				frame.write(126);
				frame.write(payload.length >> 8);
				frame.write(payload.length & 0xff);
			}
			frame.write(payload);
			out.write(frame.toByteArray());
			out.flush();
		}
	}

	private static String accept(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1")
				.digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != '\n') {
			if (c < 0) {
				throw new IOException("closed");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
