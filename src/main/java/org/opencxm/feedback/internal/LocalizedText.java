package org.opencxm.feedback.internal;

import org.jspecify.annotations.Nullable;

/** A text in German and English; either may be empty, and the other stands in for it. */
public record LocalizedText(String de, String en) {

    public LocalizedText {
        de = de == null ? "" : de.strip();
        en = en == null ? "" : en.strip();
    }

    public static LocalizedText of(String de, String en) {
        return new LocalizedText(de, en);
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
        return "de".equals(language) ? de : "en".equals(language) ? en : "";
    }
}
