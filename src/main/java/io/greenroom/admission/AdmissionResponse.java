package io.greenroom.admission;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The reply OME expects to an opening request.
 *
 * @param allowed whether OME lets the connection in
 * @param newUrl where OME should put it instead: Greenroom strips the secret this way
 * @param lifetime how long it may stay, in ms (0 = forever)
 * @param reason why it was refused
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AdmissionResponse(boolean allowed, @JsonProperty("new_url") @Nullable String newUrl, @Nullable Long lifetime,
		@Nullable String reason) {

	static AdmissionResponse allow(@Nullable String newUrl, long lifetime) {
		return new AdmissionResponse(true, newUrl, lifetime, null);
	}

	static AdmissionResponse deny(String reason) {
		return new AdmissionResponse(false, null, null, reason);
	}

}
