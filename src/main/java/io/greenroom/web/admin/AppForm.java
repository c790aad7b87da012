package io.greenroom.web.admin;

import io.greenroom.stream.Names;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The create and rename form for an app.
 *
 * @param name the OME application name
 */
record AppForm(@NotBlank(message = Names.RULE) @Pattern(regexp = Names.PATTERN, message = Names.RULE) String name) {

	static AppForm empty() {
		return new AppForm("");
	}

}
