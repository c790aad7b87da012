package io.greenroom.ome.xml;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import org.jspecify.annotations.Nullable;

/**
 * {@code <Managers>}: the REST API's host names and access token.
 */
@XmlType(propOrder = { "host", "api" })
public class Managers {

	@XmlElement(name = "Host")
	public @Nullable Host host;

	@XmlElement(name = "API")
	public @Nullable API api;

	/** {@code <Managers><API>}. */
	@XmlType(name = "ManagersAPI")
	public static class API {

		@XmlElement(name = "AccessToken")
		public String accessToken = "";

	}

}
