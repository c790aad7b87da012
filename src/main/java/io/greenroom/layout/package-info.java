/**
 * Public viewer pages, played with OvenPlayer served by Greenroom itself.
 */
@NullMarked
package io.greenroom.layout;

import org.jspecify.annotations.NullMarked;
