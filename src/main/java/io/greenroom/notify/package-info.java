/**
 * Go-live notifications: targets (Discord webhooks and signed webhooks), the messages
 * sent to them and their delivery, off the admission path.
 */
@NullMarked
package io.greenroom.notify;

import org.jspecify.annotations.NullMarked;
