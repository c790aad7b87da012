package io.greenroom.web.admin;

import io.greenroom.stream.AccessPolicy;
import io.greenroom.stream.DuplicatePublisher;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * Who may watch an app, and what a second publisher on a live slot gets.
 *
 * @param privateViewing viewers need a signed link
 * @param onDuplicate refuse the newcomer or replace the streamer on air
 */
record AccessForm(@Nullable Boolean privateViewing,
		@Nullable @NotNull(message = "Choose what happens to a second publisher.") DuplicatePublisher onDuplicate) {

	static AccessForm of(AccessPolicy policy) {
		return new AccessForm(policy.privateViewing(), policy.onDuplicate());
	}

	AccessPolicy toPolicy() {
		return new AccessPolicy(Boolean.TRUE.equals(this.privateViewing),
				(this.onDuplicate != null) ? this.onDuplicate : DuplicatePublisher.DENY);
	}

}
