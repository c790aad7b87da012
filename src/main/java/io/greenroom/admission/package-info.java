/**
 * OME's admission webhook: checks each publish against the slot's secret and each play
 * against the app's privacy, answers fast from memory, and records publish sessions.
 */
@NullMarked
package io.greenroom.admission;

import org.jspecify.annotations.NullMarked;
