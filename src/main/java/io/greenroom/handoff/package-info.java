/**
 * Handing a slot to its streamer: the private streamer link and its page, the OBS profile
 * to import, the live check, and going live from the browser over WHIP.
 */
@NullMarked
package io.greenroom.handoff;

import org.jspecify.annotations.NullMarked;
