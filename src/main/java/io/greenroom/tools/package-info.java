/**
 * Tools for producers: the clock source page and the glass-to-glass latency meter.
 */
@NullMarked
package io.greenroom.tools;

import org.jspecify.annotations.NullMarked;
