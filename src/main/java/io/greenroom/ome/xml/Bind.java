package io.greenroom.ome.xml;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import org.jspecify.annotations.Nullable;

/**
 * {@code <Bind>}: the ports OME listens on.
 */
@XmlType(propOrder = { "managers", "providers", "publishers" })
public class Bind {

	@XmlElement(name = "Managers")
	public @Nullable Managers managers;

	@XmlElement(name = "Providers")
	public @Nullable Providers providers;

	@XmlElement(name = "Publishers")
	public @Nullable Publishers publishers;

	/** {@code <Bind><Managers>}: the REST API port. */
	@XmlType(name = "BindManagers")
	public static class Managers {

		@XmlElement(name = "API")
		public @Nullable Port api;

	}

	/** {@code <Bind><Providers>}: ingest ports. */
	@XmlType(name = "BindProviders", propOrder = { "ovt", "rtmp", "webRtc" })
	public static class Providers {

		@XmlElement(name = "OVT")
		public @Nullable Workers ovt;

		@XmlElement(name = "RTMP")
		public @Nullable Port rtmp;

		@XmlElement(name = "WebRTC")
		public @Nullable WebRTC webRtc;

	}

	/** {@code <Bind><Publishers>}: playback ports. */
	@XmlType(name = "BindPublishers", propOrder = { "ovt", "llhls", "webRtc" })
	public static class Publishers {

		@XmlElement(name = "OVT")
		public @Nullable Port ovt;

		@XmlElement(name = "LLHLS")
		public @Nullable Port llhls;

		@XmlElement(name = "WebRTC")
		public @Nullable WebRTC webRtc;

	}

	/**
	 * Only {@code <WorkerCount>}: a provider that pulls and listens on nothing, such as
	 * OVT on an edge.
	 */
	public static class Workers {

		@XmlElement(name = "WorkerCount")
		public int workerCount = 1;

	}

	/** A listening port: {@code <Port>}, {@code <TLSPort>}, {@code <WorkerCount>}. */
	@XmlType(propOrder = { "port", "tlsPort", "workerCount" })
	public static class Port {

		@XmlElement(name = "Port")
		public int port;

		@XmlElement(name = "TLSPort")
		public @Nullable Integer tlsPort;

		@XmlElement(name = "WorkerCount")
		public int workerCount = 1;

		public Port() {
		}

		public Port(int port, @Nullable Integer tlsPort) {
			this.port = port;
			this.tlsPort = tlsPort;
		}

	}

	/** {@code <WebRTC>} under providers or publishers: signalling and ICE. */
	@XmlType(name = "BindWebRTC", propOrder = { "signalling", "iceCandidates" })
	public static class WebRTC {

		@XmlElement(name = "Signalling")
		public @Nullable Port signalling;

		@XmlElement(name = "IceCandidates")
		public @Nullable IceCandidates iceCandidates;

	}

	/** {@code <IceCandidates>}: UDP candidates and OME's built-in TURN relay over TCP. */
	@XmlType(propOrder = { "iceCandidate", "tcpRelay", "tcpForce", "tcpRelayWorkerCount" })
	public static class IceCandidates {

		@XmlElement(name = "IceCandidate")
		public List<String> iceCandidate = new ArrayList<>();

		@XmlElement(name = "TcpRelay")
		public @Nullable String tcpRelay;

		@XmlElement(name = "TcpForce")
		public boolean tcpForce;

		@XmlElement(name = "TcpRelayWorkerCount")
		public int tcpRelayWorkerCount = 1;

	}

}
