package io.greenroom.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection over a plain socket: far cheaper per request than
 * {@code java.net.http.HttpClient}, so the load generator measures the server, not
 * itself.
 */
final class RawHttpConnection implements Closeable {

	/**
	 * A response.
	 *
	 * @param status the status code
	 * @param body the body as text
	 */
	record Response(int status, String body) {
	}

	private final String host;

	private final int port;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	RawHttpConnection(String host, int port) {
		this.host = host;
		this.port = port;
	}

	Response post(String path, String signature, String body) throws IOException {
		if (this.socket == null) {
			connect();
		}
		byte[] payload = body.getBytes(StandardCharsets.UTF_8);
		String head = "POST " + path + " HTTP/1.1\r\nHost: " + this.host + ":" + this.port
				+ "\r\nContent-Type: application/json\r\nAccept: application/json\r\nUser-Agent: OvenMediaEngine"
				+ "\r\nX-OME-Signature: " + signature + "\r\nContent-Length: " + payload.length + "\r\n\r\n";
		try {
			this.out.write(head.getBytes(StandardCharsets.US_ASCII));
			this.out.write(payload);
			this.out.flush();
			return read();
		}
		catch (IOException ex) {
			close();
			throw ex;
		}
	}

	private Response read() throws IOException {
		String status = line();
		int code = Integer.parseInt(status.substring(9, 12));
		int length = -1;
		boolean chunked = false;
		boolean close = false;
		String header;
		while (!(header = line()).isEmpty()) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Integer.parseInt(header.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = true;
			}
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (chunked) {
			int size;
			while ((size = Integer.parseInt(line().trim(), 16)) > 0) {
				body.write(this.in.readNBytes(size));
				line();
			}
			line();
		}
		else if (length > 0) {
			body.write(this.in.readNBytes(length));
		}
		if (close) {
			close();
		}
		return new Response(code, body.toString(StandardCharsets.UTF_8));
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = this.in.read()) != '\n') {
			if (c < 0) {
				throw new IOException("connection closed");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	private void connect() throws IOException {
		this.socket = new Socket();
		this.socket.setTcpNoDelay(true);
		this.socket.connect(new InetSocketAddress(this.host, this.port), 5000);
		this.socket.setSoTimeout(5000);
		this.in = new BufferedInputStream(this.socket.getInputStream());
		this.out = new BufferedOutputStream(this.socket.getOutputStream());
	}

	@Override
	public void close() {
		try {
			if (this.socket != null) {
				this.socket.close();
			}
		}
		catch (IOException ex) {
			// closing anyway
		}
		this.socket = null;
	}

}
