/**
 * OME's configuration, owned by Greenroom: generating {@code Server.xml} from the apps
 * and settings, writing it safely, and restarting OME when a change needs it.
 */
@NullMarked
package io.greenroom.ome;

import org.jspecify.annotations.NullMarked;
