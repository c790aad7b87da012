package io.greenroom.ome;

/**
 * What happened when Greenroom tried to restart OME.
 *
 * @param ok whether OME was restarted (or asked to restart)
 * @param message what to tell the producer
 */
public record ApplyResult(boolean ok, String message) {
}
