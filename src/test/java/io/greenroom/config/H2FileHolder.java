package io.greenroom.config;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Another process holding an H2 file open, as a second Greenroom or the H2 console would:
 * opens {@code jdbc:h2:file:ARG}, prints {@code holding}, and keeps it open until its
 * standard input closes.
 */
public final class H2FileHolder {

	private H2FileHolder() {
	}

	public static void main(String[] args) throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + args[0], "sa", "")) {
			connection.createStatement().execute("SELECT 1");
			System.out.println("holding");
			System.out.flush();
			while (System.in.read() >= 0) {
				// Until the test closes the pipe.
			}
		}
	}

}
