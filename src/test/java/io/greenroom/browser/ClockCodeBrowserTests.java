package io.greenroom.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clock code ({@code static/js/clock-code.js}) in real headless Chromium: times drawn
 * on a canvas, then scaled and blurred as video is, read back exactly; damaged pictures
 * refused by the guard ring or the checksum, never read as another time. Needs no
 * Greenroom: the script is loaded into an empty page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClockCodeBrowserTests {

	/**
	 * Draws {@code time} on a {@code w x h} canvas, lets {@code damage(ctx, w, h)} spoil
	 * it, then draws that onto an {@code outW x outH} canvas through {@code filter}
	 * (inside a box of the given size, the rest black, for letterboxing) and decodes the
	 * result.
	 */
	private static final String HARNESS = """
			window.clockTest = function (time, w, h, outW, outH, filter, damage, box) {
			  var C = window.GreenroomClockCode;
			  var source = document.createElement('canvas');
			  source.width = w; source.height = h;
			  var ctx = source.getContext('2d', { willReadFrequently: true });
			  C.draw(ctx, w, h, time, { synced: true, uncertaintyMs: 9 });
			  if (damage) { damage(ctx, w, h, C); }
			  var out = document.createElement('canvas');
			  out.width = outW; out.height = outH;
			  var octx = out.getContext('2d', { willReadFrequently: true });
			  octx.fillStyle = '#000';
			  octx.fillRect(0, 0, outW, outH);
			  octx.filter = filter || 'none';
			  box = box || [0, 0, outW, outH];
			  octx.drawImage(source, box[0], box[1], box[2], box[3]);
			  return C.decode(octx.getImageData(0, 0, outW, outH));
			};
			window.flipBlock = function (ctx, w, h, row, col) {
			  var C = window.GreenroomClockCode;
			  var x = Math.round(col * w / C.COLS), y = Math.round(row * h / C.ROWS);
			  var bw = Math.round((col + 1) * w / C.COLS) - x, bh = Math.round((row + 1) * h / C.ROWS) - y;
			  var p = ctx.getImageData(x + bw / 2, y + bh / 2, 1, 1).data;
			  ctx.fillStyle = p[0] > 127 ? '#000' : '#fff';
			  ctx.fillRect(x, y, bw, bh);
			};
			""";

	private Chromium chromium;

	private JavascriptExecutor js;

	@BeforeAll
	void start() throws IOException {
		this.chromium = Chromium.start(800, 600);
		this.js = this.chromium.driver();
	}

	@AfterAll
	void stop() throws IOException {
		this.chromium.close();
	}

	@BeforeEach
	void loadScript() throws IOException {
		this.chromium.driver().get("about:blank");
		this.js.executeScript(script("static/js/clock-code.js"));
		this.js.executeScript(HARNESS);
	}

	@Test
	void readsKnownTimesExactlyAfterScalingAndBlur() {
		long[] times = { 0L, 1L, 1_764_590_400_000L, 1_796_120_458_638L, 1_800_000_000_999L, (1L << 48) - 1,
				0xAAAAAAAAAAAAL, 0x555555555555L };
		Object[][] shapes = { { 1280, 720, 640, 360, "blur(1px)" }, { 1920, 1080, 320, 180, "blur(1px)" },
				{ 1280, 720, 1280, 720, "blur(2px)" }, { 640, 480, 320, 180, "blur(1px)" },
				{ 1280, 720, 213, 120, "none" } };
		for (long time : times) {
			for (Object[] shape : shapes) {
				Map<String, Object> result = decode(time, shape, null);
				assertThat(result).as("%d on %s", time, List.of(shape))
					.containsEntry("status", "ok")
					.containsEntry("time", time)
					.containsEntry("synced", true)
					.containsEntry("uncertaintyMs", 12L);
			}
		}
	}

	@Test
	void readsAPictureLetterboxedInsideBlackBars() {
		long time = 1_796_120_458_638L;
		Object[] shape = { 1280, 720, 640, 480, "blur(1px)" };
		assertThat(decode(time, shape, List.of(0, 60, 640, 360))).containsEntry("status", "ok")
			.containsEntry("time", time);
		assertThat(decode(time, shape, List.of(80, 0, 480, 480))).containsEntry("status", "ok")
			.containsEntry("time", time);
	}

	@Test
	void refusesEveryPictureWithOneDataBlockFlipped() {
		@SuppressWarnings("unchecked")
		List<String> statuses = (List<String>) this.js.executeScript("""
				var statuses = [];
				for (var n = 0; n < GreenroomClockCode.DATA_BITS; n++) {
				  statuses.push(clockTest(1796120458638, 640, 360, 320, 180, 'blur(1px)', function (ctx, w, h, C) {
				    var b = C.dataBlock(n);
				    flipBlock(ctx, w, h, b.row, b.col);
				  }).status);
				}
				return statuses;
				""");
		assertThat(statuses).hasSize(70).containsOnly("garbled");
	}

	@Test
	void neverMisreadsPicturesWithSeveralBlocksFlipped() {
		@SuppressWarnings("unchecked")
		Map<String, Object> tally = (Map<String, Object>) this.js.executeScript("""
				var seed = 21;
				function random() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; }
				var tally = { ok: 0, misread: 0, garbled: 0, none: 0 };
				for (var round = 0; round < 200; round++) {
				  var time = 1796120458638 + Math.floor(random() * 1e9);
				  var flips = 2 + Math.floor(random() * 6);
				  var result = clockTest(time, 640, 360, 320, 180, 'blur(1px)', function (ctx, w, h, C) {
				    var done = {};
				    for (var f = 0; f < flips; f++) {
				      var n = Math.floor(random() * C.DATA_BITS);
				      if (done[n]) { continue; }
				      done[n] = true;
				      var b = C.dataBlock(n);
				      flipBlock(ctx, w, h, b.row, b.col);
				    }
				  });
				  if (result.status === 'ok') { tally[result.time === time ? 'ok' : 'misread']++; }
				  else { tally[result.status]++; }
				}
				return tally;
				""");
		assertThat(tally).containsEntry("misread", 0L).containsEntry("none", 0L).containsEntry("ok", 0L);
	}

	@Test
	void neverMisreadsTwoTimesBlendedIntoOneFrame() {
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> results = (List<Map<String, Object>>) this.js.executeScript("""
				var results = [];
				var pairs = [[1796120458638, 1796120458671], [1796120459999, 1796120460032], [0, 281474976710655]];
				pairs.forEach(function (pair) {
				  [0.5, 0.4, 0.6].forEach(function (alpha) {
				    var r = clockTest(pair[0], 1280, 720, 640, 360, 'blur(1px)', function (ctx, w, h, C) {
				      var other = document.createElement('canvas');
				      other.width = w; other.height = h;
				      C.draw(other.getContext('2d'), w, h, pair[1], { synced: true, uncertaintyMs: 9 });
				      ctx.globalAlpha = alpha;
				      ctx.drawImage(other, 0, 0);
				      ctx.globalAlpha = 1;
				    });
				    results.push({ status: r.status, time: r.time, a: pair[0], b: pair[1] });
				  });
				});
				return results;
				""");
		assertThat(results).hasSize(9).allSatisfy((result) -> {
			if ("ok".equals(result.get("status"))) {
				assertThat(result.get("time")).isIn(result.get("a"), result.get("b"));
			}
			else {
				assertThat(result.get("status")).isEqualTo("garbled");
			}
		});
	}

	@Test
	void findsNoClockInPicturesWithoutOne() {
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> results = (List<Map<String, Object>>) this.js.executeScript("""
				var C = window.GreenroomClockCode;
				function picture(paint) {
				  var c = document.createElement('canvas');
				  c.width = 320; c.height = 180;
				  var ctx = c.getContext('2d', { willReadFrequently: true });
				  paint(ctx);
				  return C.decode(ctx.getImageData(0, 0, 320, 180));
				}
				var seed = 7;
				function random() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; }
				return [
				  picture(function (ctx) { ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 320, 180); }),
				  picture(function (ctx) { ctx.fillStyle = '#000'; ctx.fillRect(0, 0, 320, 180); }),
				  picture(function (ctx) {
				    for (var y = 0; y < 180; y += 10) { for (var x = 0; x < 320; x += 10) {
				      ctx.fillStyle = random() < 0.5 ? '#000' : '#fff'; ctx.fillRect(x, y, 10, 10); } }
				  }),
				  picture(function (ctx) {
				    ctx.translate(320, 0); ctx.scale(-1, 1);
				    C.draw(ctx, 320, 180, 1796120458638, {});
				  }),
				  picture(function (ctx) {
				    ctx.fillStyle = '#777'; ctx.fillRect(0, 0, 320, 180);
				    ctx.globalAlpha = 0.1; C.draw(ctx, 320, 180, 1796120458638, {});
				  })
				];
				""");
		assertThat(results).extracting((result) -> result.get("status")).containsOnly("none");
	}

	private Map<String, Object> decode(long time, Object[] shape, List<Integer> box) {
		@SuppressWarnings("unchecked")
		Map<String, Object> result = (Map<String, Object>) this.js.executeScript(
				"return clockTest(arguments[0], arguments[1], arguments[2], arguments[3], arguments[4], arguments[5], "
						+ "null, arguments[6])",
				time, shape[0], shape[1], shape[2], shape[3], shape[4], box);
		return result;
	}

	static String script(String resource) throws IOException {
		try (InputStream in = ClockCodeBrowserTests.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
