package io.greenroom.admission;

/**
 * Where admission reports publish sessions opening and ending. {@link SessionHistory}
 * writes them to the database in the background.
 */
interface SessionRecorder {

	/**
	 * An id for a new session: larger than every id recorded before, even by an earlier
	 * run.
	 */
	long newSessionId();

	void opened(PublishSession session);

	void ended(long sessionId, String reason);

}
