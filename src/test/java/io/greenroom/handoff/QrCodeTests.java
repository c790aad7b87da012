package io.greenroom.handoff;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodeTests {

	private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

	private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");

	@Test
	void drawsAnSvgThatAQrReaderDecodesBackToTheLink() throws Exception {
		String link = "https://stream.example.org/go/12.AbCdEfGhIjKlMnOpQrStUvWx";
		String svg = QrCode.svg(link);
		assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>");
		assertThat(decode(svg)).isEqualTo(link);
	}

	/** Paints the SVG's modules at 4 px each and reads them with ZXing's decoder. */
	private static String decode(String svg) throws Exception {
		Matcher box = VIEW_BOX.matcher(svg);
		assertThat(box.find()).isTrue();
		int size = Integer.parseInt(box.group(1));
		int scale = 4;
		int pixels = size * scale;
		int[] rgb = new int[pixels * pixels];
		java.util.Arrays.fill(rgb, 0xFFFFFF);
		Matcher module = MODULE.matcher(svg);
		while (module.find()) {
			int x = Integer.parseInt(module.group(1));
			int y = Integer.parseInt(module.group(2));
			for (int dy = 0; dy < scale; dy++) {
				for (int dx = 0; dx < scale; dx++) {
					rgb[(y * scale + dy) * pixels + x * scale + dx] = 0;
				}
			}
		}
		return new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, pixels, rgb))))
			.getText();
	}

}
