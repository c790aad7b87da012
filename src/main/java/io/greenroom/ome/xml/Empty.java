package io.greenroom.ome.xml;

/**
 * An element that switches something on by being there, such as {@code <RTMP />}.
 */
public final class Empty {

}
