package io.greenroom.notify;

import java.util.function.Function;

/**
 * Adds notification targets to a running Greenroom from tests in other packages, which
 * cannot reach the package's own types.
 */
public final class TestTargets {

	private TestTargets() {
	}

	/**
	 * Adds a Discord target that wants only OME's unreachable and back messages, and
	 * tells the sender.
	 * @param beans the running Greenroom's bean lookup
	 * @param url the target's URL (an {@code http://127.0.0.1} stand-in needs
	 * {@code greenroom.notify.allow-insecure-urls=true})
	 */
	public static void addOmeWatcher(Function<Class<?>, Object> beans, String url) {
		NotificationTargets targets = (NotificationTargets) beans.apply(NotificationTargets.class);
		targets.create(new TargetSettings("ops", TargetKind.DISCORD, url, null, false, false, false, true, false, false,
				null));
		((Notifier) beans.apply(Notifier.class)).targetsChanged();
	}

	/**
	 * Adds a Discord target that wants every slot's live and offline messages, and tells
	 * the sender.
	 * @param beans the running Greenroom's bean lookup
	 * @param url the target's URL (an {@code http://127.0.0.1} stand-in needs
	 * {@code greenroom.notify.allow-insecure-urls=true})
	 */
	public static void addSlotWatcher(Function<Class<?>, Object> beans, String url) {
		NotificationTargets targets = (NotificationTargets) beans.apply(NotificationTargets.class);
		targets.create(new TargetSettings("show desk", TargetKind.DISCORD, url, null, true, true, false, false, false,
				false, null));
		((Notifier) beans.apply(Notifier.class)).targetsChanged();
	}

}
