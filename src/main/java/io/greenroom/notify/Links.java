package io.greenroom.notify;

import org.jspecify.annotations.Nullable;

/**
 * The viewer pages a message links to.
 *
 * @param watch the slot's player page
 * @param call the app's call grid
 */
record Links(@Nullable String watch, @Nullable String call) {

	static final Links NONE = new Links(null, null);

}
