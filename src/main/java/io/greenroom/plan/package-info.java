/**
 * The bandwidth planner: bitrate × streams → bandwidth and monthly transit, against the
 * link and the host's allowance.
 */
@NullMarked
package io.greenroom.plan;

import org.jspecify.annotations.NullMarked;
