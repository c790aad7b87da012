package io.greenroom.stream;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbered slot names ({@code slot-1}, {@code slot-2}, …). Their order is
 * {@link Names#NATURAL_ORDER}.
 */
public final class SlotNumbering {

	/** Prefix of a numbered slot's name. */
	public static final String PREFIX = "slot-";

	private static final Pattern NUMBERED = Pattern.compile(Pattern.quote(PREFIX) + "([0-9]{1,9})");

	private SlotNumbering() {
	}

	/**
	 * The number after the highest numbered name in {@code names}: gaps below it are not
	 * filled, so a number once handed out is not silently given to someone else.
	 */
	public static int nextNumber(Collection<String> names) {
		int highest = 0;
		for (String name : names) {
			Matcher matcher = NUMBERED.matcher(name);
			if (matcher.matches()) {
				highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
			}
		}
		return highest + 1;
	}

	public static String name(int number) {
		return PREFIX + number;
	}

}
