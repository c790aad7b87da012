package io.greenroom.notify;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A place notifications are sent to, for one app or for all apps, with the events it
 * wants. Its URL (a Discord webhook URL holds its token) and signing secret are secrets:
 * {@link #toString()} names only the host and the last four characters.
 */
@Entity
@Table(name = "notification_target")
public class NotificationTarget {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 64)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private TargetKind kind;

	@Column(nullable = false, length = 512)
	private String url;

	@Column(name = "signing_secret", length = 128)
	private @Nullable String signingSecret;

	/** Null: every app. */
	@Column(name = "app_name", length = 64)
	private @Nullable String appName;

	@Column(name = "on_live", nullable = false)
	private boolean onLive;

	@Column(name = "on_offline", nullable = false)
	private boolean onOffline;

	@Column(name = "on_wrong_key", nullable = false)
	private boolean onWrongKey;

	@Column(name = "on_ome_down", nullable = false)
	private boolean onOmeDown;

	@Column(name = "include_viewer_link", nullable = false)
	private boolean includeViewerLink;

	@Column(name = "allow_mentions", nullable = false)
	private boolean allowMentions;

	@Column(length = 1000)
	private @Nullable String template;

	@Column(name = "broken_reason", length = 512)
	private @Nullable String brokenReason;

	@Column(name = "last_delivery_at")
	private @Nullable Instant lastDeliveryAt;

	@Column(name = "last_delivery_status", length = 64)
	private @Nullable String lastDeliveryStatus;

	@Column(name = "last_delivery_error", length = 512)
	private @Nullable String lastDeliveryError;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected NotificationTarget() {
	}

	NotificationTarget(TargetKind kind, String url, @Nullable String signingSecret, Instant createdAt) {
		this.kind = kind;
		this.url = url;
		this.signingSecret = signingSecret;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public TargetKind getKind() {
		return this.kind;
	}

	public String getUrl() {
		return this.url;
	}

	public @Nullable String getSigningSecret() {
		return this.signingSecret;
	}

	public @Nullable String getAppName() {
		return this.appName;
	}

	public boolean isOnLive() {
		return this.onLive;
	}

	public boolean isOnOffline() {
		return this.onOffline;
	}

	public boolean isOnWrongKey() {
		return this.onWrongKey;
	}

	public boolean isOnOmeDown() {
		return this.onOmeDown;
	}

	public boolean isIncludeViewerLink() {
		return this.includeViewerLink;
	}

	public boolean isAllowMentions() {
		return this.allowMentions;
	}

	public @Nullable String getTemplate() {
		return this.template;
	}

	public @Nullable String getBrokenReason() {
		return this.brokenReason;
	}

	public @Nullable Instant getLastDeliveryAt() {
		return this.lastDeliveryAt;
	}

	public @Nullable String getLastDeliveryStatus() {
		return this.lastDeliveryStatus;
	}

	public @Nullable String getLastDeliveryError() {
		return this.lastDeliveryError;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	void update(TargetSettings settings) {
		if (!settings.url().equals(this.url)) {
			this.brokenReason = null;
		}
		this.name = settings.name();
		this.kind = settings.kind();
		this.url = settings.url();
		this.appName = settings.appName();
		this.onLive = settings.onLive();
		this.onOffline = settings.onOffline();
		this.onWrongKey = settings.onWrongKey();
		this.onOmeDown = settings.onOmeDown();
		this.includeViewerLink = settings.includeViewerLink();
		this.allowMentions = settings.allowMentions();
		this.template = settings.template();
	}

	void setSigningSecret(@Nullable String signingSecret) {
		this.signingSecret = signingSecret;
	}

	void delivered(Instant at, String status, @Nullable String error) {
		this.lastDeliveryAt = at;
		this.lastDeliveryStatus = status;
		this.lastDeliveryError = error;
	}

	void setBrokenReason(@Nullable String brokenReason) {
		this.brokenReason = brokenReason;
	}

	@Override
	public String toString() {
		return "NotificationTarget[" + this.id + " " + this.kind + " " + Secrets.describeUrl(this.url) + "]";
	}

}
