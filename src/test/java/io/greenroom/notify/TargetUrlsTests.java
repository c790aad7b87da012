package io.greenroom.notify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A target URL is checked when it is saved, and what is wrong is said exactly.
 */
class TargetUrlsTests {

	private static final String TOKEN = "aBcD_eFgH-iJkLmNoPqRsTuVwXyZ0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH";

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					https://discord.com/api/webhooks/123456789012345678/TOKEN           | OK
					https://discordapp.com/api/webhooks/123456789012345678/TOKEN        | OK
					https://ptb.discord.com/api/webhooks/123456789012345678/TOKEN       | OK
					https://canary.discord.com/api/webhooks/123456789012345678/TOKEN    | OK
					https://discord.com/api/v10/webhooks/123456789012345678/TOKEN       | OK
					http://discord.com/api/webhooks/123456789012345678/TOKEN            | The URL must start with https:// (it starts with http://).
					https://discord.gg/api/webhooks/123456789012345678/TOKEN            | A Discord webhook URL is on discord.com (or discordapp.com, ptb.discord.com, canary.discord.com), not on discord.gg.
					https://discord.com/channels/123456789012345678/TOKEN               | A Discord webhook URL's path starts with /api/webhooks/ (this one starts with /channels).
					https://discord.com/api/webhooks/                                   | The webhook ID is missing after /api/webhooks/.
					https://discord.com/api/webhooks/12345/TOKEN                        | The webhook ID after /api/webhooks/ must be 17 to 20 digits; "12345" is not.
					https://discord.com/api/webhooks/123456789012345678                 | The token is missing after the webhook ID: copy the whole URL from Discord's Integrations → Webhooks → Copy Webhook URL.
					https://discord.com/api/webhooks/123456789012345678/abc             | The token after the webhook ID looks cut short or has characters Discord does not use (letters, digits, - and _ only, 20 to 100 of them).
					https://discord.com/api/webhooks/123456789012345678/TOKEN/slack     | Remove what follows the token (/slack).
					https://discord.com/api/webhooks/123456789012345678/TOKEN?wait=true | Remove everything after the token (the part from ? or #).
					discord.com/api/webhooks/123456789012345678/TOKEN                   | This is not a full URL: it must start with https:// and a host name.
					' https://discord.com/api/webhooks/123456789012345678/TOKEN'        | Remove the spaces before or after the URL.
					''                                                                  | Enter the URL.
					http://127.0.0.1:8080/api/webhooks/1/x                              | The URL must start with https:// (it starts with http://).
					""")
	void checksDiscordWebhookUrls(String url, String expected) {
		String problem = new TargetUrls(false).problem(TargetKind.DISCORD,
				(url != null) ? url.replace("TOKEN", TOKEN) : "");
		assertThat((problem != null) ? problem : "OK").isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			https://hooks.example.org/greenroom     | OK
			http://hooks.example.org/greenroom      | The URL must start with https:// (it starts with http://).
			https://user:pw@hooks.example.org/x     | The URL must not contain a user name or password.
			""")
	void checksSignedWebhookUrls(String url, String expected) {
		String problem = new TargetUrls(false).problem(TargetKind.SIGNED, url);
		assertThat((problem != null) ? problem : "OK").isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			http://127.0.0.1:41234/api/webhooks/1/x | OK
			http://localhost:41234/hook             | OK
			http://192.0.2.1:41234/hook             | The URL must start with https:// (it starts with http://).
			""")
	void acceptsLoopbackHttpOnlyWhenAllowedForTests(String url, String expected) {
		String problem = new TargetUrls(true).problem(TargetKind.DISCORD, url);
		assertThat((problem != null) ? problem : "OK").isEqualTo(expected);
	}

}
