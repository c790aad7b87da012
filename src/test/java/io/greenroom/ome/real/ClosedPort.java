package io.greenroom.ome.real;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A TCP port on loopback closed by a firewall rule, as a server's firewall closes a port
 * the producer forgot to open: {@code iptables} rejects every new connection to it with a
 * reset while the rule stands. The rule names one port the test chose, and
 * {@link #close()} removes it.
 * <p>
 * Needs Debian's {@code iptables} and the right to change the firewall (root). Without
 * them the calling test is skipped with one line saying so, and under {@code CI} it fails
 * instead.
 */
final class ClosedPort implements AutoCloseable {

	private final List<String> rule;

	private ClosedPort(int port) {
		this.rule = List.of("INPUT", "-i", "lo", "-p", "tcp", "--dport", String.valueOf(port), "-j", "REJECT",
				"--reject-with", "tcp-reset");
	}

	/**
	 * Closes {@code port} on loopback until the returned rule is closed.
	 * @param port the TCP port
	 * @return the rule, to close when the test is done
	 */
	static ClosedPort on(int port) throws IOException, InterruptedException {
		String missing = iptables("-L", "INPUT", "-n");
		if (missing != null) {
			String why = "A firewall rule is needed to close a port (apt-get install iptables, run as root): "
					+ missing;
			String ci = System.getenv("CI");
			if (ci != null && !ci.isBlank()) {
				throw new IllegalStateException(why);
			}
			Assumptions.abort(why);
		}
		ClosedPort closed = new ClosedPort(port);
		String failed = iptables(closed.command("-I"));
		if (failed != null) {
			throw new IllegalStateException("iptables could not close port " + port + ": " + failed);
		}
		return closed;
	}

	@Override
	public void close() throws IOException, InterruptedException {
		String failed = iptables(command("-D"));
		if (failed != null) {
			throw new IllegalStateException("iptables could not remove its rule " + this.rule + ": " + failed);
		}
	}

	private String[] command(String action) {
		List<String> command = new ArrayList<>();
		command.add(action);
		command.addAll(this.rule);
		return command.toArray(String[]::new);
	}

	/** Runs iptables (waiting for its lock): null when it succeeded, else why not. */
	private static String iptables(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("iptables", "-w", "5"));
		command.addAll(List.of(arguments));
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			return "iptables is not installed (" + ex.getMessage() + ")";
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			return "iptables did not finish within 30 s";
		}
		return (process.exitValue() == 0) ? null : "exit " + process.exitValue() + ": " + output;
	}

}
