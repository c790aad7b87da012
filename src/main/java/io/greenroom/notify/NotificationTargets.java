package io.greenroom.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.annotation.Transactional;

/**
 * The targets, as the dashboard manages them, and the store the sender writes its
 * outcomes to.
 */
class NotificationTargets implements TargetStore {

	private final NotificationTargetRepository targets;

	private final QueuedMessageRepository outbox;

	private final Clock clock;

	NotificationTargets(NotificationTargetRepository targets, QueuedMessageRepository outbox, Clock clock) {
		this.targets = targets;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<NotificationTarget> list() {
		return this.targets.findAllByOrderByNameAsc();
	}

	@Transactional(readOnly = true)
	public Optional<NotificationTarget> find(Long id) {
		return this.targets.findById(id);
	}

	@Transactional
	public NotificationTarget create(TargetSettings settings) {
		String secret = (settings.kind() == TargetKind.SIGNED) ? Secrets.newSigningSecret() : null;
		NotificationTarget target = new NotificationTarget(settings.kind(), settings.url(), secret,
				this.clock.instant());
		target.update(settings);
		return this.targets.save(target);
	}

	@Transactional
	public NotificationTarget update(Long id, TargetSettings settings) {
		NotificationTarget target = this.targets.findById(id).orElseThrow();
		target.update(settings);
		if (settings.kind() == TargetKind.SIGNED && target.getSigningSecret() == null) {
			target.setSigningSecret(Secrets.newSigningSecret());
		}
		if (settings.kind() == TargetKind.DISCORD) {
			target.setSigningSecret(null);
		}
		return target;
	}

	@Transactional
	public NotificationTarget rotateSecret(Long id) {
		NotificationTarget target = this.targets.findById(id).orElseThrow();
		target.setSigningSecret(Secrets.newSigningSecret());
		return target;
	}

	@Transactional
	public void delete(Long id) {
		this.targets.deleteById(id);
	}

	/** Writes down a test's outcome; a delivered test mends a broken target. */
	@Transactional
	public void tested(Long id, Outcome outcome) {
		this.targets.findById(id).ifPresent((target) -> {
			target.delivered(this.clock.instant(), outcome.delivered() ? "delivered (test)" : outcome.status(),
					outcome.error());
			if (outcome.delivered()) {
				target.setBrokenReason(null);
			}
			else if (outcome.result() == Outcome.Result.BROKEN) {
				target.setBrokenReason(Notifier.brokenReason(outcome));
			}
		});
	}

	@Override
	@Transactional(readOnly = true)
	public List<TargetSpec> load() {
		return this.targets.findAll().stream().map(TargetSpec::of).toList();
	}

	@Override
	@Transactional
	public void recordDelivery(Long targetId, Instant at, String status, @Nullable String error) {
		this.targets.findById(targetId).ifPresent((target) -> target.delivered(at, status, error));
	}

	@Override
	@Transactional
	public void markBroken(Long targetId, String reason) {
		this.targets.findById(targetId)
			.ifPresent((target) -> target.setBrokenReason((reason.length() > 500) ? reason.substring(0, 500) : reason));
	}

	@Override
	@Transactional
	public List<QueuedMessage> takeQueued() {
		List<QueuedMessage> all = this.outbox.findAll(org.springframework.data.domain.Sort.by("id"));
		this.outbox.deleteAllInBatch();
		return all;
	}

	@Override
	@Transactional
	public void saveQueued(List<QueuedMessage> messages) {
		this.outbox.saveAll(messages);
	}

}
