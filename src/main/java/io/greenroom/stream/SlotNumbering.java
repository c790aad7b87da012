package io.greenroom.stream;

import java.util.Collection;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbered slot names ({@code slot-1}, {@code slot-2}, …) and the natural order people
 * expect of them: {@code slot-10} comes after {@code slot-9}, not after {@code slot-1}.
 */
public final class SlotNumbering {

	/** Prefix of a numbered slot's name. */
	public static final String PREFIX = "slot-";

	private static final Pattern NUMBERED = Pattern.compile(Pattern.quote(PREFIX) + "([0-9]{1,9})");

	private static final Pattern DIGITS_OR_NOT = Pattern.compile("[0-9]+|[^0-9]+");

	/** Compares names part by part, runs of digits by their value. */
	public static final Comparator<String> NATURAL_ORDER = SlotNumbering::compareNatural;

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

	static int compareNatural(String left, String right) {
		Matcher a = DIGITS_OR_NOT.matcher(left);
		Matcher b = DIGITS_OR_NOT.matcher(right);
		while (a.find()) {
			if (!b.find()) {
				return 1;
			}
			String x = a.group();
			String y = b.group();
			int result;
			if (Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0))) {
				String xs = x.replaceFirst("^0+(?=.)", "");
				String ys = y.replaceFirst("^0+(?=.)", "");
				result = (xs.length() != ys.length()) ? Integer.compare(xs.length(), ys.length()) : xs.compareTo(ys);
			}
			else {
				result = x.compareTo(y);
			}
			if (result != 0) {
				return result;
			}
		}
		return b.find() ? -1 : left.compareTo(right);
	}

}
