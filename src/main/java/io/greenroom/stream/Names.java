package io.greenroom.stream;

import java.math.BigInteger;
import java.util.Comparator;

import org.jspecify.annotations.Nullable;

/**
 * The one naming rule for apps and slots. OME uses both as URL path segments and XML
 * text, so only lowercase letters, digits and {@code -} are allowed, at most 64
 * characters.
 */
public final class Names {

	/** Regular expression an app or slot name must match in full. */
	public static final String PATTERN = "[a-z0-9-]{1,64}";

	/** The rule in a few words, for hints. */
	public static final String RULE_SHORT = "lowercase letters, digits and hyphens, at most 64 characters.";

	/** The rule, as a person reads it in a form error. */
	public static final String RULE = "Use 1 to 64 characters: lowercase letters, digits and hyphens only (no spaces, no uppercase).";

	/** The most characters a name may have. */
	public static final int MAX_LENGTH = 64;

	/**
	 * Natural order, as a person counts: {@code slot-2} before {@code slot-10}. Runs of
	 * digits compare as numbers, everything else as text; ties fall back to plain text
	 * order, so {@code slot-02} and {@code slot-2} still have a fixed order.
	 */
	public static final Comparator<String> NATURAL_ORDER = Names::compareNaturally;

	private Names() {
	}

	/**
	 * Why {@code name} is not a valid app or slot name, in words for a form, or null when
	 * it is valid. One reason only, the first a person should fix.
	 */
	public static @Nullable String problem(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return "Type a name: " + RULE_SHORT;
		}
		if (name.length() > MAX_LENGTH) {
			return "That name has " + name.length() + " characters; use at most " + MAX_LENGTH + ".";
		}
		if (!isValid(name)) {
			return RULE;
		}
		return null;
	}

	private static int compareNaturally(String a, String b) {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			char ca = a.charAt(i);
			char cb = b.charAt(j);
			if (Character.isDigit(ca) && Character.isDigit(cb)) {
				int endA = digitsEnd(a, i);
				int endB = digitsEnd(b, j);
				int byValue = new BigInteger(a.substring(i, endA)).compareTo(new BigInteger(b.substring(j, endB)));
				if (byValue != 0) {
					return byValue;
				}
				i = endA;
				j = endB;
			}
			else {
				if (ca != cb) {
					return Character.compare(ca, cb);
				}
				i++;
				j++;
			}
		}
		int byRest = Integer.compare(a.length() - i, b.length() - j);
		return (byRest != 0) ? byRest : a.compareTo(b);
	}

	private static int digitsEnd(String text, int start) {
		int end = start;
		while (end < text.length() && Character.isDigit(text.charAt(end))) {
			end++;
		}
		return end;
	}

	public static boolean isValid(String name) {
		return name.matches(PATTERN);
	}

}
