package io.greenroom.admission;

/**
 * Where admission reports publish sessions opening and ending. {@link SessionHistory}
 * writes them to the database in the background.
 */
interface SessionRecorder {

	void opened(PublishSession session);

	void ended(String sessionId, String reason);

}
