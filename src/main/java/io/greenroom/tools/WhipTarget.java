package io.greenroom.tools;

/**
 * The slot's WHIP URL, secret included, for the logged-in producer's browser to publish
 * the clock to.
 *
 * @param url the WHIP endpoint with the publish secret in its query
 */
record WhipTarget(String url) {

	@Override
	public String toString() {
		return "WhipTarget[url=<redacted>]";
	}

}
