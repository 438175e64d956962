package org.opencxm.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.opencxm.feedback.internal.BrandingPolicy.Decision;
import org.opencxm.feedback.internal.BrandingPolicy.Request;
import org.opencxm.platform.common.InvalidInputException.Problem;

class BrandingPolicyTests {

    @Test
    void aDarkEnoughColourIsTakenInLowerCaseAndEmptyMeansTheDefault() {
        assertThat(BrandingPolicy.decide(new Request("#0B57A4", null)))
                .isEqualTo(new Decision.Accepted("#0b57a4", null));
        assertThat(BrandingPolicy.decide(new Request("  ", null))).isEqualTo(new Decision.Accepted(null, null));
    }

    @Test
    void aColourWhiteTextCannotBeReadOnOrThatIsNoColourIsRefused() {
        assertThat(BrandingPolicy.decide(new Request("#ffcc00", null)))
                .isEqualTo(
                        new Decision.Refused(java.util.List.of(new Problem("colour", "validation.branding.contrast"))));
        assertThat(BrandingPolicy.decide(new Request("red", null)))
                .isEqualTo(
                        new Decision.Refused(java.util.List.of(new Problem("colour", "validation.branding.colour"))));
        assertThat(BrandingPolicy.decide(new Request("#0b57a4; } body { display: none", null)))
                .isInstanceOf(Decision.Refused.class);
        assertThat(BrandingPolicy.contrastWithWhite("#000000")).isEqualTo(21.0);
        assertThat(BrandingPolicy.contrastWithWhite("#767676")).isGreaterThan(4.5);
        assertThat(BrandingPolicy.contrastWithWhite("#777777")).isLessThan(4.5);
    }

    @Test
    void aLogoMustBeARealPngOrJpegOfReasonableSize() throws IOException {
        var png = image("png", 120, 40);
        var accepted = (Decision.Accepted) BrandingPolicy.decide(new Request(null, png));
        assertThat(accepted.logo().type()).isEqualTo("image/png");
        var jpeg = (Decision.Accepted) BrandingPolicy.decide(new Request(null, image("jpg", 60, 60)));
        assertThat(jpeg.logo().type()).isEqualTo("image/jpeg");

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(BrandingPolicy.decide(new Request(null, svg)))
                .isEqualTo(
                        new Decision.Refused(java.util.List.of(new Problem("logo", "validation.branding.logoType"))));
        var fake = new byte[100];
        System.arraycopy(png, 0, fake, 0, 8);
        assertThat(BrandingPolicy.decide(new Request(null, fake)))
                .as("a PNG header alone")
                .isInstanceOf(Decision.Refused.class);
        assertThat(BrandingPolicy.decide(new Request(null, new byte[BrandingPolicy.MAX_LOGO_BYTES + 1])))
                .isEqualTo(
                        new Decision.Refused(java.util.List.of(new Problem("logo", "validation.branding.logoSize"))));
        assertThat(BrandingPolicy.decide(new Request(null, image("png", 4001, 10))))
                .isInstanceOf(Decision.Refused.class);
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        var refused = (Decision.Refused)
                BrandingPolicy.decide(new Request("#fff", "GIF89a".getBytes(StandardCharsets.US_ASCII)));
        assertThat(refused.problems()).extracting(Problem::field).containsExactly("colour", "logo");
    }

    static byte[] image(String format, int width, int height) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
