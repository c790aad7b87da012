package io.greenroom.web;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What the pages' server-sent event streams share.
 */
public final class EventStreams {

	private EventStreams() {
	}

	/**
	 * Ends a stream whose last send failed: the browser went away (a tab closed, OBS's
	 * source removed) or the stream had already ended. That is ordinary, so the stream is
	 * completed rather than completed with an error, which would send the failure through
	 * the error handling of a response that is already committed and log it with a stack
	 * trace.
	 * @param emitter the stream
	 */
	public static void endAfterFailedSend(SseEmitter emitter) {
		try {
			emitter.complete();
		}
		catch (IllegalStateException alreadyEnded) {
			// The container has already closed it.
		}
	}

}
