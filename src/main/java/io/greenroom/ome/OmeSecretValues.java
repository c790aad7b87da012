package io.greenroom.ome;

/**
 * The two secrets written into {@code Server.xml}.
 *
 * @param apiAccessToken OME REST API access token
 * @param admissionSecretKey the admission webhook's HMAC key
 */
public record OmeSecretValues(String apiAccessToken, String admissionSecretKey) {

	/** Stand-ins for the committed default file, which must hold no real secret. */
	static OmeSecretValues placeholders() {
		return new OmeSecretValues("GENERATED_ON_FIRST_START", "GENERATED_ON_FIRST_START");
	}

	/** Replaces both secrets in a text with dots, for showing it on a page. */
	String mask(String text) {
		return text.replace(this.apiAccessToken, "••••••••").replace(this.admissionSecretKey, "••••••••");
	}

	@Override
	public String toString() {
		return "OmeSecretValues[<redacted>]";
	}

}
