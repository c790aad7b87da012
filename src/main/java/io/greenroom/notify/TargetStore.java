package io.greenroom.notify;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Where the sender reads targets and writes down what became of its posts. */
interface TargetStore {

	List<TargetSpec> load();

	void recordDelivery(Long targetId, Instant at, String status, @Nullable String error);

	void markBroken(Long targetId, String reason);

	/** Takes (and forgets) the messages left by the last run. */
	List<QueuedMessage> takeQueued();

	void saveQueued(List<QueuedMessage> messages);

}
