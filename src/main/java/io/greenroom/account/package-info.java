/**
 * The single admin account: its BCrypt hash, the password generated on first start, and
 * password changes.
 */
@NullMarked
package io.greenroom.account;

import org.jspecify.annotations.NullMarked;
