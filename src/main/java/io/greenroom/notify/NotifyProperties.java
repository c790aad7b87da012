package io.greenroom.notify;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Notification delivery settings.
 *
 * @param queueCapacity {@code GREENROOM_NOTIFY_QUEUE_CAPACITY}, default 500: how many
 * messages may wait to be sent; when full, the oldest is dropped and counted on the
 * Notifications page
 * @param timeout {@code GREENROOM_NOTIFY_TIMEOUT}, default 10s: the longest one post to a
 * target may take (connect, read and whole call)
 * @param maxAttempts {@code GREENROOM_NOTIFY_MAX_ATTEMPTS}, default 6: tries per message
 * on timeouts, 5xx answers and rate limits before it is given up
 * @param retryBackoff {@code GREENROOM_NOTIFY_RETRY_BACKOFF}, default 1s: the wait before
 * the first retry; it doubles with each retry (up to 5 minutes), with random jitter
 * @param maxRetryAfter {@code GREENROOM_NOTIFY_MAX_RETRY_AFTER}, default 60s: the longest
 * Greenroom waits when Discord says to slow down (429), whatever Discord asks for
 * @param reconnectGrace {@code GREENROOM_NOTIFY_RECONNECT_GRACE}, default 30s: a stream
 * that drops and is back within this gives no offline/live pair, only a "reconnected"
 * line in the next message; it also delays every offline message by this much
 * @param staleAfter {@code GREENROOM_NOTIFY_STALE_AFTER}, default 10m: messages still
 * waiting when Greenroom stops are sent after the next start unless older than this
 * @param allowInsecureUrls {@code GREENROOM_NOTIFY_ALLOW_INSECURE_URLS}, default false:
 * accept {@code http://127.0.0.1} and {@code http://localhost} target URLs (tests only)
 * @param omeDownAfter {@code GREENROOM_NOTIFY_OME_DOWN_AFTER}, default 60s: how long
 * OME's API must fail to answer the live poller before targets that asked are told
 */
@ConfigurationProperties("greenroom.notify")
@Validated
public record NotifyProperties(@DefaultValue("500") @Min(1) @Max(100000) int queueCapacity,
		@DefaultValue("10s") @NotNull Duration timeout, @DefaultValue("6") @Min(1) @Max(100) int maxAttempts,
		@DefaultValue("1s") @NotNull Duration retryBackoff, @DefaultValue("60s") @NotNull Duration maxRetryAfter,
		@DefaultValue("30s") @NotNull Duration reconnectGrace, @DefaultValue("10m") @NotNull Duration staleAfter,
		@DefaultValue("false") boolean allowInsecureUrls, @DefaultValue("60s") @NotNull Duration omeDownAfter) {

	NotifyProperties withOmeDownAfter(Duration omeDownAfter) {
		return new NotifyProperties(this.queueCapacity, this.timeout, this.maxAttempts, this.retryBackoff,
				this.maxRetryAfter, this.reconnectGrace, this.staleAfter, this.allowInsecureUrls, omeDownAfter);
	}

	NotifyProperties withQueueCapacity(int queueCapacity) {
		return new NotifyProperties(queueCapacity, this.timeout, this.maxAttempts, this.retryBackoff,
				this.maxRetryAfter, this.reconnectGrace, this.staleAfter, this.allowInsecureUrls, this.omeDownAfter);
	}

	NotifyProperties withTimeout(Duration timeout) {
		return new NotifyProperties(this.queueCapacity, timeout, this.maxAttempts, this.retryBackoff,
				this.maxRetryAfter, this.reconnectGrace, this.staleAfter, this.allowInsecureUrls, this.omeDownAfter);
	}

	NotifyProperties withMaxAttempts(int maxAttempts) {
		return new NotifyProperties(this.queueCapacity, this.timeout, maxAttempts, this.retryBackoff,
				this.maxRetryAfter, this.reconnectGrace, this.staleAfter, this.allowInsecureUrls, this.omeDownAfter);
	}

	NotifyProperties withMaxRetryAfter(Duration maxRetryAfter) {
		return new NotifyProperties(this.queueCapacity, this.timeout, this.maxAttempts, this.retryBackoff,
				maxRetryAfter, this.reconnectGrace, this.staleAfter, this.allowInsecureUrls, this.omeDownAfter);
	}

}
