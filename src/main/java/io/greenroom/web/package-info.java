/**
 * The admin dashboard's pages and the error page.
 */
@NullMarked
package io.greenroom.web;

import org.jspecify.annotations.NullMarked;
