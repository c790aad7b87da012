package io.greenroom.ome.xml;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlElement;

/**
 * {@code <VirtualHosts>}.
 */
public class VirtualHosts {

	@XmlElement(name = "VirtualHost")
	public List<VirtualHost> virtualHost = new ArrayList<>();

}
