package io.greenroom.web.admin;

/**
 * One address a viewer link opens, with what it is for.
 *
 * @param label what the address opens, for the producer
 * @param url the full address, viewer token included
 */
record ShareLink(String label, String url) {
}
