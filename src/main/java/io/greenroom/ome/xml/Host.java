package io.greenroom.ome.xml;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import org.jspecify.annotations.Nullable;

/**
 * {@code <Host>}: host names and an optional certificate.
 */
@XmlType(propOrder = { "names", "tls" })
public class Host {

	@XmlElement(name = "Names")
	public Names names = new Names();

	@XmlElement(name = "TLS")
	public @Nullable TLS tls;

	/** {@code <Names>}. */
	public static class Names {

		@XmlElement(name = "Name")
		public List<String> name = new ArrayList<>();

	}

	/** {@code <TLS>}: certificate files, for OME without Caddy in front. */
	@XmlType(propOrder = { "certPath", "keyPath", "chainCertPath" })
	public static class TLS {

		@XmlElement(name = "CertPath")
		public String certPath = "";

		@XmlElement(name = "KeyPath")
		public String keyPath = "";

		@XmlElement(name = "ChainCertPath")
		public @Nullable String chainCertPath;

	}

}
