package org.opencxm.feedback.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How survey pages show the company: its colour for buttons and selected answers, and its logo.
 *
 * @param colour {@code #rrggbb}, or null for OpenCXM's blue
 * @param logoType the logo's media type, or null for none
 * @param version changes with every save, so that pages can let browsers cache colour and logo
 */
public record Branding(@Nullable String colour, @Nullable String logoType, long version) {

    public static final Branding NONE = new Branding(null, null, 0);

    public boolean hasLogo() {
        return logoType != null;
    }

    static Branding of(@Nullable String colour, @Nullable String logoType, @Nullable Instant updatedAt) {
        return new Branding(colour, logoType, updatedAt == null ? 0 : updatedAt.toEpochMilli());
    }
}
