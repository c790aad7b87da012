package io.greenroom.ome.xml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import org.jspecify.annotations.Nullable;

/**
 * {@code <Server version="8">}, the root of OME's {@code Server.xml}.
 */
@XmlRootElement(name = "Server")
@XmlType(propOrder = { "name", "type", "ip", "privacyProtection", "bind", "managers", "virtualHosts" })
public class Server {

	@XmlAttribute(name = "version")
	public String version = "8";

	@XmlElement(name = "Name")
	public String name = "OvenMediaEngine";

	@XmlElement(name = "Type")
	public String type = "origin";

	@XmlElement(name = "IP")
	public String ip = "*";

	@XmlElement(name = "PrivacyProtection")
	public boolean privacyProtection;

	@XmlElement(name = "Bind")
	public @Nullable Bind bind;

	@XmlElement(name = "Managers")
	public @Nullable Managers managers;

	@XmlElement(name = "VirtualHosts")
	public @Nullable VirtualHosts virtualHosts;

}
