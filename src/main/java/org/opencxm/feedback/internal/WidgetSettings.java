package org.opencxm.feedback.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * When the website widget shows the survey's first scale question: on pages whose URL path
 * matches the pattern ({@code *} for any characters; empty for every page), after a delay, to a
 * sample of visitors, and not again to the same browser within some days.
 */
public record WidgetSettings(
        boolean enabled,
        @Nullable @Size(max = 500) String urlPattern,
        @Min(0) @Max(600) int delaySeconds,
        @Min(1) @Max(100) int samplingPercent,
        @Min(0) @Max(365) int againAfterDays) {

    public static final WidgetSettings OFF = new WidgetSettings(false, "", 5, 100, 90);

    /**
     * The URL pattern as a regular expression over the whole path, e.g. {@code /checkout/*}
     * becomes {@code \/checkout\/.*}. Every other character is escaped with a backslash, which
     * means the same in Java and in the browser's JavaScript.
     */
    public String pathRegex() {
        if (urlPattern == null || urlPattern.isBlank()) {
            return ".*";
        }
        var regex = new StringBuilder();
        urlPattern.strip().codePoints().forEach(c -> {
            if (c == '*') {
                regex.append(".*");
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c > 127) {
                regex.appendCodePoint(c);
            } else {
                regex.append('\\').appendCodePoint(c);
            }
        });
        return regex.toString();
    }
}
