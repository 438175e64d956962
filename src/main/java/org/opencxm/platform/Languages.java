package org.opencxm.platform;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The languages OpenCXM speaks. Every message exists in each of them. */
public final class Languages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    private Languages() {}

    /** The supported language for a tag such as {@code de-AT}, if there is one. */
    public static @Nullable Locale supported(@Nullable String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        var language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return SUPPORTED.stream()
                .filter(locale -> locale.getLanguage().equals(language))
                .findFirst()
                .orElse(null);
    }
}
