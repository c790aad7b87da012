package io.greenroom.admission;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class OmeUrlTests {

	@Test
	void readsAppStreamAndTheDecodedQuery() {
		OmeUrl url = OmeUrl.parse("rtmp://203.0.113.5:1935/show/cam-1?key=a%2Bb&direction=whip&key=second");
		assertThat(url).isNotNull();
		assertThat(url.base()).isEqualTo("rtmp://203.0.113.5:1935");
		assertThat(url.app()).isEqualTo("show");
		assertThat(url.stream()).isEqualTo("cam-1");
		assertThat(url.query()).as("the first of a repeated parameter wins")
			.isEqualTo(Map.of("key", "a+b", "direction", "whip"));
		assertThat(url.withoutQuery()).isEqualTo("rtmp://203.0.113.5:1935/show/cam-1");
	}

	@Test
	void keepsAPlusAsASpaceAndAMalformedEscapeAsItIs() {
		OmeUrl url = OmeUrl.parse("ws://h:3333/show/cam?name=a+b&bad=%zz&=nokey&flag&empty=");
		assertThat(url).isNotNull();
		assertThat(url.query()).isEqualTo(Map.of("name", "a b", "bad", "%zz", "empty", ""));
	}

	@Test
	void aUrlWithoutQueryHasAnEmptyOne() {
		OmeUrl url = OmeUrl.parse("ws://h:3333/show/cam");
		assertThat(url).isNotNull();
		assertThat(url.query()).isEmpty();
		assertThat(OmeUrl.parse("ws://h:3333/show/cam?").query()).isEmpty();
		assertThat(OmeUrl.parse("ws://h:3333/show/cam?&&").query()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "show/cam", "://h/show/cam", "ws://h", "ws://h/", "ws://h/show", "ws://h/show/",
			"ws://h//cam", "ws://h/show/cam/", "ws://h/show/cam/extra", "ws://h/show//cam", "ws://h/show?x=/a/b",
			"ws://h//?key=1" })
	void refusesAnythingButOneAppAndOneStream(String url) {
		assertThat(OmeUrl.parse(url)).isNull();
	}

}
