/**
 * Where streamers and viewers reach OME from outside: the public host, ports and whether
 * Caddy fronts OME, and the exact OBS values built from them.
 */
@NullMarked
package io.greenroom.publish;

import org.jspecify.annotations.NullMarked;
