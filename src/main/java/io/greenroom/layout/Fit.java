package io.greenroom.layout;

/**
 * How a stream's picture fills its box when their shapes differ.
 */
public enum Fit {

	/** The whole picture, with bars where the shapes differ. */
	CONTAIN,

	/** The whole box, cropping the picture where the shapes differ. */
	COVER

}
