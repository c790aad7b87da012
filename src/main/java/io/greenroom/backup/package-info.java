/**
 * Online backups of Greenroom's database: a consistent copy of the H2 file taken while
 * Greenroom runs, downloaded by the admin.
 */
@NullMarked
package io.greenroom.backup;

import org.jspecify.annotations.NullMarked;
