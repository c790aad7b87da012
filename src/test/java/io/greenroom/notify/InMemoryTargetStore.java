package io.greenroom.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/** The sender's store, in memory, for tests without a database. */
class InMemoryTargetStore implements TargetStore {

	final Map<Long, TargetSpec> targets = new ConcurrentHashMap<>();

	final List<String> deliveries = new CopyOnWriteArrayList<>();

	final List<QueuedMessage> queued = new CopyOnWriteArrayList<>();

	@Override
	public List<TargetSpec> load() {
		return List.copyOf(this.targets.values());
	}

	@Override
	public void recordDelivery(Long targetId, Instant at, String status, @Nullable String error) {
		this.deliveries.add(targetId + " " + status + ((error != null) ? " " + error : ""));
	}

	@Override
	public void markBroken(Long targetId, String reason) {
		this.targets.computeIfPresent(targetId, (id, target) -> target.withBroken(reason));
	}

	@Override
	public List<QueuedMessage> takeQueued() {
		List<QueuedMessage> all = new ArrayList<>(this.queued);
		this.queued.clear();
		return all;
	}

	@Override
	public void saveQueued(List<QueuedMessage> messages) {
		this.queued.addAll(messages);
	}

}
