package io.greenroom.admission;

import org.jspecify.annotations.Nullable;

/**
 * The reply OME expects to an opening request, written by {@link AdmissionWebhook}.
 *
 * @param allowed whether OME lets the connection in
 * @param newUrl where OME should put it instead: Greenroom strips the secret this way
 * @param lifetime how long it may stay, in ms (0 = forever)
 * @param reason why it was refused
 */
record AdmissionResponse(boolean allowed, @Nullable String newUrl, @Nullable Long lifetime, @Nullable String reason) {

	static AdmissionResponse allow(@Nullable String newUrl, long lifetime) {
		return new AdmissionResponse(true, newUrl, lifetime, null);
	}

	static AdmissionResponse deny(String reason) {
		return new AdmissionResponse(false, null, null, reason);
	}

}
