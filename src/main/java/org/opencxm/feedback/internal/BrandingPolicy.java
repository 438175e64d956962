package org.opencxm.feedback.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.common.InvalidInputException;

/**
 * What a workspace may show respondents as its brand, as named rules: a colour that white text
 * stays readable on (WCAG AA, 4.5:1, since buttons and chosen answers carry white text), and a
 * logo that is a real PNG or JPEG of reasonable size. SVG is refused: it can carry scripts.
 */
final class BrandingPolicy {

    static final int MAX_LOGO_BYTES = 256 * 1024;
    static final int MAX_LOGO_PIXELS = 4000;
    static final double MIN_CONTRAST = 4.5;

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    /** What was asked for: a colour as typed (blank for the default) and an uploaded logo, if any. */
    record Request(@Nullable String colour, byte @Nullable [] logo) {}

    sealed interface Decision {
        record Accepted(@Nullable String colour, @Nullable Logo logo) implements Decision {}

        record Refused(List<InvalidInputException.Problem> problems) implements Decision {}
    }

    private BrandingPolicy() {}

    static Decision decide(Request request) {
        var problems = new ArrayList<InvalidInputException.Problem>();
        var colour = colour(request.colour(), problems);
        var logo = logo(request.logo(), problems);
        return problems.isEmpty() ? new Decision.Accepted(colour, logo) : new Decision.Refused(List.copyOf(problems));
    }

    private static @Nullable String colour(@Nullable String typed, List<InvalidInputException.Problem> problems) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        var colour = typed.strip().toLowerCase(Locale.ROOT);
        if (!COLOUR.matcher(colour).matches()) {
            problems.add(new InvalidInputException.Problem("colour", "validation.branding.colour"));
            return null;
        }
        if (contrastWithWhite(colour) < MIN_CONTRAST) {
            problems.add(new InvalidInputException.Problem("colour", "validation.branding.contrast"));
            return null;
        }
        return colour;
    }

    private static @Nullable Logo logo(byte @Nullable [] bytes, List<InvalidInputException.Problem> problems) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        if (bytes.length > MAX_LOGO_BYTES) {
            problems.add(new InvalidInputException.Problem("logo", "validation.branding.logoSize"));
            return null;
        }
        var type = startsWith(bytes, PNG) ? "image/png" : startsWith(bytes, JPEG) ? "image/jpeg" : null;
        if (type == null || !readable(bytes)) {
            problems.add(new InvalidInputException.Problem("logo", "validation.branding.logoType"));
            return null;
        }
        return new Logo(bytes, type);
    }

    /** Decodes the image's header only: a file that claims to be PNG must be one, and not a giant. */
    private static boolean readable(byte[] bytes) {
        try (var input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return false;
            }
            var reader = readers.next();
            try {
                reader.setInput(input);
                return reader.getWidth(0) <= MAX_LOGO_PIXELS && reader.getHeight(0) <= MAX_LOGO_PIXELS;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** WCAG 2's contrast ratio of the colour against white. */
    static double contrastWithWhite(String colour) {
        var r = channel(Integer.parseInt(colour.substring(1, 3), 16));
        var g = channel(Integer.parseInt(colour.substring(3, 5), 16));
        var b = channel(Integer.parseInt(colour.substring(5, 7), 16));
        var luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        return 1.05 / (luminance + 0.05);
    }

    private static double channel(int value) {
        var c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
