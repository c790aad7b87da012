package io.greenroom.web.admin;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the dashboard writes a point in time: {@code 2026-12-01 18:30 UTC}, the same on
 * every page.
 */
final class Times {

	static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private Times() {
	}

}
