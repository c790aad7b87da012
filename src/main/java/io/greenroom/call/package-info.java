/**
 * Joining an app's call from the browser: the per-app participant link, and seats (free
 * slots held for the people who join).
 */
@NullMarked
package io.greenroom.call;

import org.jspecify.annotations.NullMarked;
