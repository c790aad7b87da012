package io.greenroom.notify;

/** Where a target's messages go, which decides their shape. */
public enum TargetKind {

	/** A Discord channel webhook: an embed with a plain text line. */
	DISCORD("Discord"),

	/** Any HTTPS endpoint: versioned JSON signed with HMAC-SHA256. */
	SIGNED("Signed webhook");

	private final String label;

	TargetKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
