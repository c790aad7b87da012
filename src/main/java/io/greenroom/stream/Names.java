package io.greenroom.stream;

/**
 * The one naming rule for apps and slots. OME uses both as URL path segments and XML
 * text, so only lowercase letters, digits and {@code -} are allowed, at most 64
 * characters.
 */
public final class Names {

	/** Regular expression an app or slot name must match in full. */
	public static final String PATTERN = "[a-z0-9-]{1,64}";

	/** The rule, as a person reads it in a form error. */
	public static final String RULE = "Use 1 to 64 characters: lowercase letters, digits and hyphens only (no spaces, no uppercase).";

	private Names() {
	}

	public static boolean isValid(String name) {
		return name.matches(PATTERN);
	}

}
