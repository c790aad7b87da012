/**
 * The producer's setup check: what OME advertises for media, and whether a test pattern
 * published from this browser plays back through the public address.
 */
@NullMarked
package io.greenroom.check;

import org.jspecify.annotations.NullMarked;
