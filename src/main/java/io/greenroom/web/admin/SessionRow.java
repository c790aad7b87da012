package io.greenroom.web.admin;

import java.time.Duration;
import java.time.format.DateTimeFormatter;

import io.greenroom.admission.PublishSession;

/**
 * One line of a slot's session history.
 *
 * @param started when it started
 * @param ended when it ended, or "live"
 * @param duration how long it lasted
 * @param protocol RTMP or WebRTC
 * @param client the client's address (and the real one behind a proxy)
 * @param userAgent the user agent, or empty
 * @param endReason closed, replaced, kicked or lost
 */
record SessionRow(String started, String ended, String duration, String protocol, String client, String userAgent,
		String endReason) {

	static SessionRow of(PublishSession session, DateTimeFormatter format) {
		String client = session.getClientAddress() + ":" + session.getClientPort()
				+ ((session.getRealIp() != null && !session.getRealIp().equals(session.getClientAddress()))
						? " (" + session.getRealIp() + ")" : "");
		String duration = (session.getEndedAt() != null)
				? humanize(Duration.between(session.getStartedAt(), session.getEndedAt())) : "";
		return new SessionRow(format.format(session.getStartedAt()),
				(session.getEndedAt() != null) ? format.format(session.getEndedAt()) : "live", duration,
				session.getProtocol(), client, (session.getUserAgent() != null) ? session.getUserAgent() : "",
				(session.getEndReason() != null) ? session.getEndReason() : "");
	}

	private static String humanize(Duration duration) {
		long seconds = duration.toSeconds();
		return (seconds < 60) ? seconds + " s" : (seconds < 3600) ? (seconds / 60) + " min"
				: (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
	}

}
