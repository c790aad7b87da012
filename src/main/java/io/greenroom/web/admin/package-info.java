/**
 * Dashboard controllers and their form records: apps, slots, settings and the account.
 */
@NullMarked
package io.greenroom.web.admin;

import org.jspecify.annotations.NullMarked;
