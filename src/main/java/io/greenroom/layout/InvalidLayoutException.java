package io.greenroom.layout;

import java.util.List;

/**
 * Thrown when a layout would not fit its own canvas or names a slot it cannot use.
 * Controllers turn each problem into a form error.
 */
public class InvalidLayoutException extends RuntimeException {

	private final List<LayoutProblem> problems;

	InvalidLayoutException(List<LayoutProblem> problems) {
		super(problems.get(0).message());
		this.problems = List.copyOf(problems);
	}

	public List<LayoutProblem> getProblems() {
		return this.problems;
	}

}
