/**
 * Apps (OME application names), their stream slots and each slot's publish secret: the
 * catalogue every other module reads.
 */
@NullMarked
package io.greenroom.stream;

import org.jspecify.annotations.NullMarked;
