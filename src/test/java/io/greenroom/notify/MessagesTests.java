package io.greenroom.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact bodies Discord and a signed webhook receive, and the template's placeholders.
 */
class MessagesTests {

	private static final Instant AT = Instant.parse("2026-12-01T20:15:02Z");

	private final Messages messages = new Messages(JsonMapper.builder().build(),
			() -> "6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b");

	private final Links links = new Links("https://live.example.org/watch/show/slot-1",
			"https://live.example.org/call/show");

	@Test
	void discordGoLiveIsAnEmbedWithATextLineAndNoMentions() {
		assertThat(this.messages.discord(live(), this.links, null, false)).isEqualTo(oneLine("""
				{"content":"🔴 Racer 1 is live (show/slot-1, WHIP)",
				"allowed_mentions":{"parse":[]},
				"embeds":[{"title":"Racer 1 is live","description":"show/slot-1 went live over WHIP.",
				"url":"https://live.example.org/watch/show/slot-1","color":3066993,"timestamp":"2026-12-01T20:15:02Z",
				"fields":[{"name":"Slot","value":"show/slot-1","inline":true},
				{"name":"Protocol","value":"WHIP","inline":true},
				{"name":"Watch","value":"https://live.example.org/watch/show/slot-1","inline":false},
				{"name":"Call","value":"https://live.example.org/call/show","inline":false}],
				"footer":{"text":"Greenroom"}}]}
				"""));
	}

	@Test
	void discordOfflineSaysHowLongAndHowItEndedWithTheReconnects() {
		assertThat(this.messages.discord(offline(), this.links, null, false)).isEqualTo(
				oneLine("""
						{"content":"⚫ Racer 1 went offline (show/slot-1)",
						"allowed_mentions":{"parse":[]},
						"embeds":[{"title":"Racer 1 went offline",
						"description":"show/slot-1 was live for 1 h 5 min; it was lost (the connection dropped without saying goodbye).",
						"url":"https://live.example.org/watch/show/slot-1","color":9807270,"timestamp":"2026-12-01T21:20:09Z",
						"fields":[{"name":"Slot","value":"show/slot-1","inline":true},
						{"name":"Live for","value":"1 h 5 min","inline":true},
						{"name":"Ended","value":"lost","inline":true},
						{"name":"Watch","value":"https://live.example.org/watch/show/slot-1","inline":false},
						{"name":"Call","value":"https://live.example.org/call/show","inline":false},
						{"name":"Reconnected","value":"Dropped at 20:25:02 UTC, back after 12 s","inline":false}],
						"footer":{"text":"Greenroom"}}]}
						"""));
	}

	@Test
	void discordWrongKeyAlertIsRedAndLinksNothing() {
		Notice notice = Notice.wrongKey("show", "slot-1", "203.0.113.9", "wrong stream key", AT);
		assertThat(this.messages.discord(notice, Links.NONE, null, false)).isEqualTo(oneLine("""
				{"content":"⚠️ Refused a publish to show/slot-1 from 203.0.113.9: wrong stream key",
				"allowed_mentions":{"parse":[]},
				"embeds":[{"title":"Publish refused: wrong stream key",
				"description":"203.0.113.9 tried to publish to show/slot-1 and was refused (wrong stream key). \
				Further attempts from this address are not reported for 10 minutes.",
				"color":15158332,"timestamp":"2026-12-01T20:15:02Z",
				"fields":[{"name":"Address","value":"203.0.113.9","inline":true},
				{"name":"Slot","value":"show/slot-1","inline":true}],
				"footer":{"text":"Greenroom"}}]}
				"""));
	}

	@Test
	void signedGoLiveBodyHasAVersion() {
		assertThat(this.messages.signed(live(), this.links, null)).isEqualTo(
				oneLine("""
						{"version":1,"id":"6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b","event":"slot.live",
						"at":"2026-12-01T20:15:02Z","app":"show","slot":"slot-1","display_name":"Racer 1",
						"text":"🔴 Racer 1 is live (show/slot-1, WHIP)","protocol":"WHIP",
						"watch_url":"https://live.example.org/watch/show/slot-1","call_url":"https://live.example.org/call/show",
						"reconnects":[]}
						"""));
	}

	@Test
	void signedOfflineBodyCarriesDurationEndAndReconnects() {
		assertThat(this.messages.signed(offline(), this.links, null)).isEqualTo(
				oneLine("""
						{"version":1,"id":"6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b","event":"slot.offline",
						"at":"2026-12-01T21:20:09Z","app":"show","slot":"slot-1","display_name":"Racer 1",
						"text":"⚫ Racer 1 went offline (show/slot-1)","live_for_seconds":3907,"ended":"lost",
						"watch_url":"https://live.example.org/watch/show/slot-1","call_url":"https://live.example.org/call/show",
						"reconnects":[{"dropped_at":"2026-12-01T20:25:02Z","away_seconds":12}]}
						"""));
	}

	@Test
	void omeUnreachableIsOrangeNamesTheApiAndLinksNothing() {
		Notice notice = Notice.omeDown("http://ome:8081", "connect timed out", AT.minusSeconds(75), AT);
		assertThat(this.messages.discord(notice, Links.NONE, null, false)).isEqualTo(oneLine("""
				{"content":"🟠 OME's API has not answered for 1 min 15 s (http://ome:8081)",
				"allowed_mentions":{"parse":[]},
				"embeds":[{"title":"OME is not answering",
				"description":"Greenroom's live poller has not reached OME's API at http://ome:8081 for 1 min 15 s \
				(connect timed out). Admission answers as before, but the live board's figures are stale; \
				check that OME is running.",
				"color":15105570,"timestamp":"2026-12-01T20:15:02Z",
				"fields":[{"name":"OME API","value":"http://ome:8081","inline":true},
				{"name":"Not answering for","value":"1 min 15 s","inline":true}],
				"footer":{"text":"Greenroom"}}]}
				"""));
	}

	@Test
	void signedOmeBackBodyHasNoSlot() {
		Notice notice = Notice.omeBack("http://ome:8081", java.time.Duration.ofSeconds(150), AT);
		assertThat(this.messages.signed(notice, Links.NONE, null)).isEqualTo(oneLine("""
				{"version":1,"id":"6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b","event":"ome.reachable",
				"at":"2026-12-01T20:15:02Z","text":"🟢 OME's API answers again, after 2 min 30 s (http://ome:8081)",
				"unreachable_seconds":150,"ome_api":"http://ome:8081","reconnects":[]}
				"""));
	}

	@Test
	void mentionsPingOnlyWhenAllowed() {
		String template = "@here {name} is on: {watch_url}";
		assertThat(this.messages.discord(live(), this.links, template, true)).startsWith(oneLine("""
				{"content":"@here Racer 1 is on: https://live.example.org/watch/show/slot-1",
				"allowed_mentions":{"parse":["everyone","roles","users"]},
				"""));
		assertThat(this.messages.discord(live(), this.links, template, false))
			.contains("\"allowed_mentions\":{\"parse\":[]}");
	}

	@Test
	void templateFillsEveryPlaceholderAndLeavesUnknownOnesAlone() {
		String template = "{event} {name} {app} {slot} {protocol} {time} {watch_url} {call_url} {nope}";
		assertThat(Messages.text(template, live(), this.links))
			.isEqualTo("slot.live Racer 1 show slot-1 WHIP 20:15:02 UTC https://live.example.org/watch/show/slot-1"
					+ " https://live.example.org/call/show {nope}");
		assertThat(Messages.text("{live_for} {ended}", offline(), Links.NONE)).isEqualTo("1 h 5 min lost");
		assertThat(Messages.text("{address} {reason}", Notice.wrongKey("show", "x", "203.0.113.9", "unknown slot", AT),
				Links.NONE))
			.isEqualTo("203.0.113.9 unknown slot");
		assertThat(Messages.PLACEHOLDERS).containsKeys("summary", "name", "app", "slot", "event", "protocol",
				"watch_url", "call_url", "live_for", "ended", "address", "reason", "time");
	}

	@Test
	void aPrivateAppWithoutViewerLinksGetsNoLinks() {
		ViewerLinks viewerLinks = new ViewerLinks("https://live.example.org", (app, slot) -> "TOKEN");
		Notice secret = Notice.live("show", "slot-1", "Racer 1", true, "RTMP", AT, List.of());
		assertThat(viewerLinks.links(secret, target(false))).isEqualTo(Links.NONE);
		assertThat(viewerLinks.links(secret, target(true)))
			.isEqualTo(new Links("https://live.example.org/watch/show/slot-1?token=TOKEN",
					"https://live.example.org/call/show?token=TOKEN"));
		assertThat(this.messages.discord(secret, Links.NONE, null, false)).doesNotContain("\"url\"", "Watch");
	}

	private static TargetSpec target(boolean includeViewerLink) {
		return new TargetSpec(1L, "t", TargetKind.DISCORD, "https://discord.com/api/webhooks/1/x", null, null, true,
				true, true, false, includeViewerLink, false, null, null);
	}

	private static Notice live() {
		return Notice.live("show", "slot-1", "Racer 1", false, "WHIP", AT, List.of());
	}

	private static Notice offline() {
		return Notice.offline("show", "slot-1", "Racer 1", false, Duration.ofMinutes(65).plusSeconds(7), "lost",
				AT.plusSeconds(3907), List.of(new Notice.Reconnect(AT.plusSeconds(600), Duration.ofSeconds(12))));
	}

	private static String oneLine(String json) {
		return json.strip().replace("\n", "");
	}

}
