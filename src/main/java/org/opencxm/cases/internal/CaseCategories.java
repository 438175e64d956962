package org.opencxm.cases.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The categories cases are filed under, and how the words a complaint comes with map to them
 * ("shipping" is delivery, "invoice" is billing, German words too). A word of nobody's is "other":
 * the agent refiles the case.
 */
public final class CaseCategories {

    public static final List<String> DEFAULTS =
            List.of("delivery", "product", "billing", "service", "website", "other");

    static final String OTHER = "other";

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("delivery", "delivery"),
            Map.entry("shipping", "delivery"),
            Map.entry("lieferung", "delivery"),
            Map.entry("versand", "delivery"),
            Map.entry("product", "product"),
            Map.entry("quality", "product"),
            Map.entry("produkt", "product"),
            Map.entry("qualität", "product"),
            Map.entry("billing", "billing"),
            Map.entry("invoice", "billing"),
            Map.entry("payment", "billing"),
            Map.entry("rechnung", "billing"),
            Map.entry("zahlung", "billing"),
            Map.entry("service", "service"),
            Map.entry("support", "service"),
            Map.entry("website", "website"),
            Map.entry("app", "website"),
            Map.entry("web", "website"));

    private CaseCategories() {}

    public static String of(@Nullable String word) {
        if (word == null) {
            return OTHER;
        }
        return WORDS.getOrDefault(word.strip().toLowerCase(Locale.ROOT), OTHER);
    }

    /** The category of the first word of a text that names one ("Rechnung doppelt" is billing), else "other". */
    public static String guess(String text) {
        for (var word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            var category = WORDS.get(word);
            if (category != null) {
                return category;
            }
        }
        return OTHER;
    }

    public static boolean known(String category) {
        return DEFAULTS.contains(category);
    }
}
