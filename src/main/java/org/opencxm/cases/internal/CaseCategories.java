package org.opencxm.cases.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A workspace's taxonomy of cases and how the words a complaint comes with map to it: a
 * category's own key, or one of its words ("shipping" is delivery, "Rechnung" billing). A word of
 * nobody's is "other", which every taxonomy keeps; the agent refiles the case. Retired categories
 * stay for the cases filed under them, but nothing new is filed there.
 */
public record CaseCategories(List<Category> all) {

    public static final String OTHER = "other";

    /**
     * One category.
     *
     * @param german its name in German; {@code null} for a built-in one under its usual name
     * @param words lower-case words that file a complaint under it
     */
    public record Category(
            String key, @Nullable String german, @Nullable String english, List<String> words, boolean retired) {

        public boolean builtIn() {
            return BUILT_IN.containsKey(key);
        }

        /** Its name in the language, else in the other one; {@code null} for a built-in one's usual name. */
        public @Nullable String name(Locale locale) {
            var mine = "de".equals(locale.getLanguage()) ? german : english;
            return mine != null ? mine : "de".equals(locale.getLanguage()) ? english : german;
        }
    }

    private static final Map<String, List<String>> BUILT_IN = builtIn();

    /** Delivery, product quality, billing, service, website/app and other, with their usual words. */
    public static final CaseCategories DEFAULTS = new CaseCategories(BUILT_IN.entrySet().stream()
            .map(e -> new Category(e.getKey(), null, null, e.getValue(), false))
            .toList());

    private static Map<String, List<String>> builtIn() {
        var words = new LinkedHashMap<String, List<String>>();
        words.put("delivery", List.of("shipping", "lieferung", "versand"));
        words.put("product", List.of("quality", "produkt", "qualität"));
        words.put("billing", List.of("invoice", "payment", "rechnung", "zahlung"));
        words.put("service", List.of("support"));
        words.put("website", List.of("app", "web"));
        words.put(OTHER, List.of());
        return words;
    }

    /** The category a complaint's own word files it under, else "other". */
    public String file(@Nullable String word) {
        if (word == null) {
            return OTHER;
        }
        return match(word.strip().toLowerCase(Locale.ROOT)).orElse(OTHER);
    }

    /** The category of the first word of a text that names one ("Rechnung doppelt" is billing), else "other". */
    public String guess(String text) {
        for (var word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+")) {
            var found = match(word);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return OTHER;
    }

    private Optional<String> match(String word) {
        if (word.isEmpty()) {
            return Optional.empty();
        }
        for (var category : open()) {
            if (category.key().equals(word) || category.words().contains(word)) {
                return Optional.of(category.key());
            }
        }
        return Optional.empty();
    }

    /** Whether new cases may be filed under it: a category of the taxonomy, not retired. */
    public boolean known(@Nullable String key) {
        return open().stream().anyMatch(c -> c.key().equals(key));
    }

    /** The categories new cases may be filed under, in the order of the taxonomy. */
    public List<Category> open() {
        return all.stream().filter(c -> !c.retired()).toList();
    }

    public List<String> openKeys() {
        return open().stream().map(Category::key).toList();
    }

    public Optional<Category> find(String key) {
        return all.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /**
     * This taxonomy with every category of {@code before} that it lacks added back, retired:
     * cases may be filed under it, so a category is never deleted.
     */
    CaseCategories keeping(CaseCategories before) {
        var complete = new ArrayList<>(all);
        for (var earlier : before.all()) {
            if (find(earlier.key()).isEmpty()) {
                complete.add(new Category(earlier.key(), earlier.german(), earlier.english(), earlier.words(), true));
            }
        }
        return new CaseCategories(List.copyOf(complete));
    }
}
