package io.greenroom.ome.xml;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlType;
import org.jspecify.annotations.Nullable;

/**
 * {@code <VirtualHost>}: host names, the admission webhook, CORS and the applications.
 */
@XmlType(propOrder = { "name", "host", "admissionWebhooks", "origins", "crossDomains", "applications" })
public class VirtualHost {

	@XmlElement(name = "Name")
	public String name = "default";

	@XmlElement(name = "Host")
	public Host host = new Host();

	@XmlElement(name = "AdmissionWebhooks")
	public @Nullable AdmissionWebhooks admissionWebhooks;

	@XmlElementWrapper(name = "Origins")
	@XmlElement(name = "Origin")
	public @Nullable List<Origin> origins;

	@XmlElement(name = "CrossDomains")
	public @Nullable CrossDomains crossDomains;

	@XmlElementWrapper(name = "Applications")
	@XmlElement(name = "Application")
	public List<Application> applications = new ArrayList<>();

	/** {@code <AdmissionWebhooks>}: OME asks Greenroom before every publish and play. */
	@XmlType(propOrder = { "controlServerUrl", "secretKey", "timeout", "enables" })
	public static class AdmissionWebhooks {

		@XmlElement(name = "ControlServerUrl")
		public String controlServerUrl = "";

		@XmlElement(name = "SecretKey")
		public String secretKey = "";

		@XmlElement(name = "Timeout")
		public int timeout = 3000;

		@XmlElement(name = "Enables")
		public Enables enables = new Enables();

	}

	/** {@code <Enables>}: which protocols go through admission. */
	@XmlType(propOrder = { "providers", "publishers" })
	public static class Enables {

		@XmlElement(name = "Providers")
		public @Nullable String providers;

		@XmlElement(name = "Publishers")
		public String publishers = "";

	}

	/** {@code <Origin>}: where an edge pulls a location from. */
	@XmlType(propOrder = { "location", "pass" })
	public static class Origin {

		@XmlElement(name = "Location")
		public String location = "";

		@XmlElement(name = "Pass")
		public Pass pass = new Pass();

	}

	/** {@code <Pass>}: the scheme and URLs to pull from. */
	@XmlType(propOrder = { "scheme", "urls" })
	public static class Pass {

		@XmlElement(name = "Scheme")
		public String scheme = "ovt";

		@XmlElementWrapper(name = "Urls")
		@XmlElement(name = "Url")
		public List<String> urls = new ArrayList<>();

	}

	/** {@code <CrossDomains>}: allowed origins. */
	public static class CrossDomains {

		@XmlElement(name = "Url")
		public List<String> url = new ArrayList<>();

	}

}
