package org.opencxm.feedback.internal;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.Language;

/**
 * A text in each {@link Language}; any may be empty, and another stands in for it. Stored as
 * JSON with one field per language tag, so a new language is a new component here (the switch
 * in {@link #in(Language)} will not compile until it has one).
 */
public record LocalizedText(String de, String en) {

    public LocalizedText {
        de = de == null ? "" : de.strip();
        en = en == null ? "" : en.strip();
    }

    public static LocalizedText of(String de, String en) {
        return new LocalizedText(de, en);
    }

    /** The text each language's function gives, e.g. a message in every language. */
    public static LocalizedText from(Function<Language, String> text) {
        return new LocalizedText(text.apply(Language.DE), text.apply(Language.EN));
    }

    public String in(Language language) {
        return switch (language) {
            case DE -> de;
            case EN -> en;
        };
    }

    /** The text in the language, else in the fallback language, else whichever exists. */
    public String in(@Nullable String language, String fallback) {
        var wanted = pick(language);
        if (!wanted.isEmpty()) {
            return wanted;
        }
        var second = pick(fallback);
        return second.isEmpty() ? (de.isEmpty() ? en : de) : second;
    }

    public boolean blank() {
        return de.isEmpty() && en.isEmpty();
    }

    public boolean longerThan(int length) {
        return de.length() > length || en.length() > length;
    }

    private String pick(@Nullable String language) {
        return Language.parse(language).map(this::in).orElse("");
    }
}
