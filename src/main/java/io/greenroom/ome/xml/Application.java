package io.greenroom.ome.xml;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlType;
import org.jspecify.annotations.Nullable;

/**
 * {@code <Application>}: one OME application, that is one Greenroom app.
 */
@XmlType(propOrder = { "name", "type", "outputProfiles", "providers", "publishers" })
public class Application {

	@XmlElement(name = "Name")
	public String name = "";

	@XmlElement(name = "Type")
	public String type = "live";

	@XmlElementWrapper(name = "OutputProfiles")
	@XmlElement(name = "OutputProfile")
	public List<OutputProfile> outputProfiles = new ArrayList<>();

	@XmlElement(name = "Providers")
	public Providers providers = new Providers();

	@XmlElement(name = "Publishers")
	public Publishers publishers = new Publishers();

	/** {@code <OutputProfile>}. */
	@XmlType(propOrder = { "name", "outputStreamName", "encodes" })
	public static class OutputProfile {

		@XmlElement(name = "Name")
		public String name = "";

		@XmlElement(name = "OutputStreamName")
		public String outputStreamName = "${OriginStreamName}";

		@XmlElement(name = "Encodes")
		public Encodes encodes = new Encodes();

	}

	/** {@code <Encodes>}: renditions. */
	@XmlType(propOrder = { "video", "audio" })
	public static class Encodes {

		@XmlElement(name = "Video")
		public List<Video> video = new ArrayList<>();

		@XmlElement(name = "Audio")
		public List<Audio> audio = new ArrayList<>();

	}

	/** {@code <Video>}: only bypass, never re-encoded. */
	@XmlType(propOrder = { "name", "bypass" })
	public static class Video {

		@XmlElement(name = "Name")
		public @Nullable String name;

		@XmlElement(name = "Bypass")
		public boolean bypass;

	}

	/**
	 * {@code <Audio>}: a rendition that passes through when the codec already matches.
	 */
	@XmlType(propOrder = { "name", "bypass", "codec", "bitrate", "samplerate", "channel", "bypassIfMatch" })
	public static class Audio {

		@XmlElement(name = "Name")
		public @Nullable String name;

		@XmlElement(name = "Bypass")
		public @Nullable Boolean bypass;

		@XmlElement(name = "Codec")
		public @Nullable String codec;

		@XmlElement(name = "Bitrate")
		public @Nullable Integer bitrate;

		@XmlElement(name = "Samplerate")
		public @Nullable Integer samplerate;

		@XmlElement(name = "Channel")
		public @Nullable Integer channel;

		@XmlElement(name = "BypassIfMatch")
		public @Nullable BypassIfMatch bypassIfMatch;

	}

	/** {@code <BypassIfMatch>}. */
	public static class BypassIfMatch {

		@XmlElement(name = "Codec")
		public String codec = "eq";

	}

	/** {@code <Providers>} of an application: how streams come in. */
	@XmlType(name = "ApplicationProviders", propOrder = { "ovt", "rtmp", "webRtc" })
	public static class Providers {

		@XmlElement(name = "OVT")
		public @Nullable Empty ovt;

		@XmlElement(name = "RTMP")
		public @Nullable Empty rtmp;

		@XmlElement(name = "WebRTC")
		public @Nullable WebRtcProvider webRtc;

	}

	/** {@code <Providers><WebRTC>}: WHIP ingest. */
	public static class WebRtcProvider {

		@XmlElement(name = "Timeout")
		public int timeout = 30000;

	}

	/** {@code <Publishers>} of an application: how streams go out. */
	@XmlType(name = "ApplicationPublishers", propOrder = { "ovt", "webRtc", "llhls" })
	public static class Publishers {

		@XmlElement(name = "OVT")
		public @Nullable Empty ovt;

		@XmlElement(name = "WebRTC")
		public @Nullable WebRtcPublisher webRtc;

		@XmlElement(name = "LLHLS")
		public @Nullable LLHLS llhls;

	}

	/** {@code <Publishers><WebRTC>}: playback tuned for latency. */
	@XmlType(propOrder = { "timeout", "rtx", "ulpfec", "jitterBuffer", "playoutDelay" })
	public static class WebRtcPublisher {

		@XmlElement(name = "Timeout")
		public int timeout = 30000;

		@XmlElement(name = "Rtx")
		public boolean rtx;

		@XmlElement(name = "Ulpfec")
		public boolean ulpfec;

		@XmlElement(name = "JitterBuffer")
		public boolean jitterBuffer;

		@XmlElement(name = "PlayoutDelay")
		public @Nullable PlayoutDelay playoutDelay;

	}

	/** {@code <PlayoutDelay>}: the RTP playout-delay hint, in milliseconds. */
	@XmlType(propOrder = { "min", "max" })
	public static class PlayoutDelay {

		@XmlElement(name = "Min")
		public int min;

		@XmlElement(name = "Max")
		public int max;

	}

	/**
	 * {@code <Publishers><LLHLS>}: the fallback for viewers whose networks block WebRTC.
	 */
	@XmlType(propOrder = { "chunkDuration", "partHoldBack", "segmentDuration", "segmentCount", "crossDomains" })
	public static class LLHLS {

		@XmlElement(name = "ChunkDuration")
		public String chunkDuration = "0.5";

		@XmlElement(name = "PartHoldBack")
		public String partHoldBack = "1.5";

		@XmlElement(name = "SegmentDuration")
		public int segmentDuration = 6;

		@XmlElement(name = "SegmentCount")
		public int segmentCount = 10;

		@XmlElement(name = "CrossDomains")
		public VirtualHost.@Nullable CrossDomains crossDomains;

	}

}
