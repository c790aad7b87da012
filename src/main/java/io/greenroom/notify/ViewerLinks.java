package io.greenroom.notify;

import java.util.function.BinaryOperator;

import io.greenroom.publish.PublicProperties;

/**
 * The viewer pages a message links to: for a public app always; for a private app only
 * when the target includes viewer links, and then with a viewer token (the all-slots
 * token, so the call grid works too).
 */
class ViewerLinks {

	private final String site;

	private final BinaryOperator<String> tokens;

	/**
	 * @param site the site's address, e.g. {@code https://live.example.org}
	 * @param tokens issues a viewer token for (app, slot)
	 */
	ViewerLinks(String site, BinaryOperator<String> tokens) {
		this.site = site;
		this.tokens = tokens;
	}

	/**
	 * Where viewers reach Greenroom: through Caddy on https, else straight on its port.
	 */
	static String siteUrl(PublicProperties site, int serverPort) {
		if (site.tlsProxy()) {
			return "https://" + site.host() + ((site.httpsPort() == 443) ? "" : ":" + site.httpsPort());
		}
		return "http://" + site.host() + ":" + serverPort;
	}

	Links links(Notice notice, TargetSpec target) {
		if (notice.kind() == Notice.Kind.WRONG_KEY) {
			return Links.NONE;
		}
		String query = "";
		if (notice.privateApp()) {
			if (!target.includeViewerLink()) {
				return Links.NONE;
			}
			query = "?token=" + this.tokens.apply(notice.app(), "*");
		}
		return new Links(this.site + "/watch/" + notice.app() + "/" + notice.slot() + query,
				this.site + "/call/" + notice.app() + query);
	}

}
