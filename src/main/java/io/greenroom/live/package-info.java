/**
 * The show-day live board: one poller reads OME's REST API in the background, and the
 * board, the apps summary and the metrics show its last snapshot.
 */
@NullMarked
package io.greenroom.live;

import org.jspecify.annotations.NullMarked;
