/**
 * Cross-cutting wiring only: security, clock.
 */
@NullMarked
package io.greenroom.config;

import org.jspecify.annotations.NullMarked;
