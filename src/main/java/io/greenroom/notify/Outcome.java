package io.greenroom.notify;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What became of one post to a target.
 *
 * @param result delivered, retry later, broken or failed for good
 * @param status a short status for the dashboard, e.g. {@code HTTP 204} or
 * {@code timed out}
 * @param error the error, as the target said it (Discord's own message), or null
 * @param retryAfter for a rate limit, how long the target asked to wait (capped)
 */
record Outcome(Result result, String status, @Nullable String error, @Nullable Duration retryAfter) {

	enum Result {

		/** The target took it. */
		DELIVERED,

		/** A timeout, a 5xx or a rate limit: worth trying again later. */
		RETRY,

		/** The target is gone (Discord's 401/404): stop until the producer fixes it. */
		BROKEN,

		/** The target refused this message for good (other 4xx). */
		FAILED

	}

	boolean delivered() {
		return this.result == Result.DELIVERED;
	}

	/** What the dashboard shows: "delivered", or the status and error. */
	String describe() {
		if (delivered()) {
			return "delivered";
		}
		return (this.error != null) ? this.status + ": " + this.error : this.status;
	}

}
