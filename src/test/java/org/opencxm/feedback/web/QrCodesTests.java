package org.opencxm.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG a phone camera sees: drawn back into pixels, it must read as the link it was made of. */
class QrCodesTests {

    private static final Pattern MODULE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");
    private static final Pattern SIZE = Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\"");

    @Test
    void theCodeReadsAsTheLink() throws Exception {
        var link = "https://cxm.example.com/i/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd";
        var svg = QrCodes.svg(link);

        var size = SIZE.matcher(svg);
        assertThat(size.find()).isTrue();
        int modules = Integer.parseInt(size.group(1));
        int scale = 6;
        int pixels = modules * scale;
        var image = new int[pixels * pixels];
        java.util.Arrays.fill(image, 0xffffffff);
        var dark = MODULE.matcher(svg);
        while (dark.find()) {
            int x = Integer.parseInt(dark.group(1));
            int y = Integer.parseInt(dark.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    image[(y * scale + dy) * pixels + x * scale + dx] = 0xff000000;
                }
            }
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, pixels, image)));

        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(link);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").doesNotContain("<script");
    }
}
