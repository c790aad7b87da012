package io.greenroom.notify;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a {@link Notice} into the body posted to a target: a Discord message (an embed
 * plus a plain text line, which is also what shows where embeds do not) or the signed
 * webhook's versioned JSON. The text line comes from the target's template; see
 * {@link #PLACEHOLDERS}.
 */
final class Messages {

	/** The signed webhook body's {@code version}. */
	static final int VERSION = 1;

	/** The template of a target that has none of its own. */
	static final String DEFAULT_TEMPLATE = "{summary}";

	/** Every placeholder a template may use, with what it becomes. */
	static final Map<String, String> PLACEHOLDERS = placeholders();

	static final int LIVE_COLOUR = 0x2ECC71;

	static final int OFFLINE_COLOUR = 0x95A5A6;

	static final int WRONG_KEY_COLOUR = 0xE74C3C;

	static final int TEST_COLOUR = 0x3498DB;

	static final int OME_DOWN_COLOUR = 0xE67E22;

	/** Fields with links or several lines get a row of their own. */
	private static final java.util.Set<String> WIDE_FIELDS = java.util.Set.of("Watch", "Call", "Reconnected");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)\\}");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final ObjectMapper json;

	private final Supplier<String> ids;

	Messages(ObjectMapper json, Supplier<String> ids) {
		this.json = json;
		this.ids = ids;
	}

	private static Map<String, String> placeholders() {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("summary", "one line saying what happened, e.g. \"🔴 Racer 1 is live (show/slot-1, WHIP)\"");
		all.put("name", "the slot's display name");
		all.put("app", "the app name");
		all.put("slot", "the slot name");
		all.put("event", "slot.live, slot.offline, publish.refused, ome.unreachable, ome.reachable or test");
		all.put("protocol", "WHIP or RTMP (went live)");
		all.put("watch_url", "the slot's player page (empty for a private app without \"include viewer link\")");
		all.put("call_url", "the app's call grid (same rule)");
		all.put("live_for", "how long it was live, e.g. \"1 h 5 min\" (went offline)");
		all.put("ended", "normally, kicked, lost or replaced (went offline)");
		all.put("address", "the refused address (wrong key)");
		all.put("reason", "what admission told the refused publisher (wrong key)");
		all.put("time", "when it happened, e.g. \"20:15:02 UTC\"");
		return Map.copyOf(all);
	}

	/** The target's text line for a notice: its template with the placeholders filled. */
	static String text(@Nullable String template, Notice notice, Links links) {
		String pattern = (template == null || template.isBlank()) ? DEFAULT_TEMPLATE : template;
		Map<String, String> values = values(notice, links);
		Matcher matcher = PLACEHOLDER.matcher(pattern);
		StringBuilder text = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			matcher.appendReplacement(text, Matcher.quoteReplacement((value != null) ? value : matcher.group()));
		}
		matcher.appendTail(text);
		return text.toString();
	}

	private static Map<String, String> values(Notice notice, Links links) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("summary", summary(notice));
		values.put("name", notice.displayName());
		values.put("app", notice.app());
		values.put("slot", notice.slot());
		values.put("event", notice.kind().event());
		values.put("protocol", orEmpty(notice.protocol()));
		values.put("watch_url", orEmpty(links.watch()));
		values.put("call_url", orEmpty(links.call()));
		values.put("live_for", (notice.liveFor() != null) ? duration(notice.liveFor()) : "");
		values.put("ended", (notice.ended() != null) ? ended(notice.ended()) : "");
		values.put("address", orEmpty(notice.address()));
		values.put("reason", orEmpty(notice.refusal()));
		values.put("time", TIME.format(notice.at()));
		return values;
	}

	static String summary(Notice notice) {
		String where = notice.app() + "/" + notice.slot();
		return switch (notice.kind()) {
			case LIVE -> "🔴 " + notice.displayName() + " is live (" + where + ", " + notice.protocol() + ")";
			case OFFLINE -> "⚫ " + notice.displayName() + " went offline (" + where + ")";
			case WRONG_KEY ->
				"⚠️ Refused a publish to " + where + " from " + notice.address() + ": " + notice.refusal();
			case OME_DOWN ->
				"🟠 OME's API has not answered for " + duration(away(notice)) + " (" + notice.address() + ")";
			case OME_BACK ->
				"🟢 OME's API answers again, after " + duration(away(notice)) + " (" + notice.address() + ")";
			case TEST -> "✅ Test message from Greenroom";
		};
	}

	/** The JSON body for Discord's Execute Webhook. */
	String discord(Notice notice, Links links, @Nullable String template, boolean allowMentions) {
		ObjectNode body = this.json.createObjectNode();
		body.put("content", cut(text(template, notice, links), 2000));
		ObjectNode mentions = body.putObject("allowed_mentions");
		ArrayNode parse = mentions.putArray("parse");
		if (allowMentions) {
			parse.add("everyone").add("roles").add("users");
		}
		ObjectNode embed = body.putArray("embeds").addObject();
		embed.put("title", cut(title(notice), 256));
		embed.put("description", cut(description(notice), 4096));
		if (links.watch() != null && notice.kind() != Notice.Kind.WRONG_KEY && !notice.aboutOme()) {
			embed.put("url", links.watch());
		}
		embed.put("color", colour(notice.kind()));
		embed.put("timestamp", notice.at().truncatedTo(ChronoUnit.MILLIS).toString());
		ArrayNode fields = embed.putArray("fields");
		for (Map.Entry<String, String> field : fields(notice, links).entrySet()) {
			ObjectNode node = fields.addObject();
			node.put("name", cut(field.getKey(), 256));
			node.put("value", cut(field.getValue(), 1024));
			node.put("inline", !WIDE_FIELDS.contains(field.getKey()));
		}
		embed.putObject("footer").put("text", "Greenroom");
		return this.json.writeValueAsString(body);
	}

	/** The signed webhook's JSON body: see docs/notifications.md. */
	String signed(Notice notice, Links links, @Nullable String template) {
		ObjectNode body = this.json.createObjectNode();
		body.put("version", VERSION);
		body.put("id", this.ids.get());
		body.put("event", notice.kind().event());
		body.put("at", notice.at().truncatedTo(ChronoUnit.MILLIS).toString());
		if (!notice.aboutOme()) {
			body.put("app", notice.app());
			body.put("slot", notice.slot());
			body.put("display_name", notice.displayName());
		}
		body.put("text", text(template, notice, links));
		if (notice.protocol() != null) {
			body.put("protocol", notice.protocol());
		}
		if (notice.liveFor() != null) {
			body.put(notice.aboutOme() ? "unreachable_seconds" : "live_for_seconds", notice.liveFor().toSeconds());
		}
		if (notice.ended() != null) {
			body.put("ended", ended(notice.ended()));
		}
		if (notice.address() != null) {
			body.put(notice.aboutOme() ? "ome_api" : "address", notice.address());
		}
		if (notice.refusal() != null) {
			body.put(notice.aboutOme() ? "error" : "reason", notice.refusal());
		}
		if (links.watch() != null) {
			body.put("watch_url", links.watch());
		}
		if (links.call() != null) {
			body.put("call_url", links.call());
		}
		ArrayNode reconnects = body.putArray("reconnects");
		for (Notice.Reconnect reconnect : notice.reconnects()) {
			reconnects.addObject()
				.put("dropped_at", reconnect.droppedAt().truncatedTo(ChronoUnit.MILLIS).toString())
				.put("away_seconds", reconnect.away().toSeconds());
		}
		return this.json.writeValueAsString(body);
	}

	static String title(Notice notice) {
		return switch (notice.kind()) {
			case LIVE -> notice.displayName() + " is live";
			case OFFLINE -> notice.displayName() + " went offline";
			case WRONG_KEY -> "Publish refused: " + notice.refusal();
			case OME_DOWN -> "OME is not answering";
			case OME_BACK -> "OME answers again";
			case TEST -> "Test from Greenroom";
		};
	}

	static String description(Notice notice) {
		String where = notice.app() + "/" + notice.slot();
		return switch (notice.kind()) {
			case LIVE -> where + " went live over " + notice.protocol() + ".";
			case OFFLINE -> where + ((notice.liveFor() != null) ? " was live for " + duration(notice.liveFor()) : "")
					+ "; it " + endedSentence(notice.ended()) + ".";
			case WRONG_KEY -> notice.address() + " tried to publish to " + where + " and was refused ("
					+ notice.refusal() + "). Further attempts from this address are not reported for 10 minutes.";
			case OME_DOWN -> "Greenroom's live poller has not reached OME's API at " + notice.address() + " for "
					+ duration(away(notice)) + " (" + notice.refusal() + "). Admission answers as before, but "
					+ "the live board's figures are stale; check that OME is running.";
			case OME_BACK ->
				"OME's API at " + notice.address() + " answers again, after " + duration(away(notice)) + " without.";
			case TEST ->
				"This target works. Greenroom posts here when the slots it is set up for go live" + " or offline.";
		};
	}

	private static Map<String, String> fields(Notice notice, Links links) {
		Map<String, String> fields = new LinkedHashMap<>();
		switch (notice.kind()) {
			case LIVE, TEST -> {
				fields.put("Slot", notice.app() + "/" + notice.slot());
				fields.put("Protocol", orEmpty(notice.protocol()));
			}
			case OFFLINE -> {
				fields.put("Slot", notice.app() + "/" + notice.slot());
				if (notice.liveFor() != null) {
					fields.put("Live for", duration(notice.liveFor()));
				}
				fields.put("Ended", ended(orEmpty(notice.ended())));
			}
			case WRONG_KEY -> {
				fields.put("Address", orEmpty(notice.address()));
				fields.put("Slot", notice.app() + "/" + notice.slot());
			}
			case OME_DOWN, OME_BACK -> {
				fields.put("OME API", orEmpty(notice.address()));
				fields.put(notice.kind() == Notice.Kind.OME_DOWN ? "Not answering for" : "Was away for",
						duration(away(notice)));
			}
		}
		if (notice.kind() != Notice.Kind.WRONG_KEY && !notice.aboutOme()) {
			if (links.watch() != null) {
				fields.put("Watch", links.watch());
			}
			if (links.call() != null) {
				fields.put("Call", links.call());
			}
		}
		if (!notice.reconnects().isEmpty()) {
			fields.put("Reconnected", reconnectLines(notice.reconnects()));
		}
		return fields;
	}

	static String reconnectLines(List<Notice.Reconnect> reconnects) {
		StringBuilder lines = new StringBuilder();
		for (Notice.Reconnect reconnect : reconnects) {
			if (!lines.isEmpty()) {
				lines.append('\n');
			}
			lines.append("Dropped at ")
				.append(TIME.format(reconnect.droppedAt()))
				.append(", back after ")
				.append(duration(reconnect.away()));
		}
		return lines.toString();
	}

	static int colour(Notice.Kind kind) {
		return switch (kind) {
			case LIVE -> LIVE_COLOUR;
			case OFFLINE -> OFFLINE_COLOUR;
			case WRONG_KEY -> WRONG_KEY_COLOUR;
			case OME_DOWN -> OME_DOWN_COLOUR;
			case OME_BACK -> LIVE_COLOUR;
			case TEST -> TEST_COLOUR;
		};
	}

	/** How long OME has not answered, or was away, for OME's notices. */
	private static Duration away(Notice notice) {
		return (notice.liveFor() != null) ? notice.liveFor() : Duration.ZERO;
	}

	/** How an end reason reads: normally, kicked, lost or replaced. */
	static String ended(String reason) {
		return switch (reason) {
			case "closed" -> "normally";
			default -> reason;
		};
	}

	private static String endedSentence(@Nullable String reason) {
		return switch ((reason != null) ? reason : "") {
			case "closed" -> "ended normally";
			case "kicked" -> "was kicked";
			case "lost" -> "was lost (the connection dropped without saying goodbye)";
			case "replaced" -> "was replaced by a new publisher";
			default -> "ended";
		};
	}

	/** {@code 1 h 5 min}, {@code 12 min 3 s}, {@code 42 s}. */
	static String duration(Duration duration) {
		long seconds = Math.max(0, duration.toSeconds());
		long hours = seconds / 3600;
		long minutes = (seconds % 3600) / 60;
		long rest = seconds % 60;
		if (hours > 0) {
			return hours + " h " + minutes + " min";
		}
		if (minutes > 0) {
			return minutes + " min " + rest + " s";
		}
		return rest + " s";
	}

	private static String cut(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	private static String orEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

}
