package org.opencxm.customers;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.SqlText;

/** Turns the search box into SQL: free text over name, e-mail and ids, or {@code trait:value}. */
record CustomerSearch(String condition, List<Object> parameters) {

    private static final String ANY = "true";

    static CustomerSearch parse(@Nullable String search) {
        if (search == null || search.isBlank()) {
            return new CustomerSearch(ANY, List.of());
        }
        var text = search.strip();
        int colon = text.indexOf(':');
        if (colon > 0 && colon < text.length() - 1 && !text.contains(" ")) {
            var trait = text.substring(0, colon);
            var value = SqlText.containing(text.substring(colon + 1));
            return new CustomerSearch("c.traits->>? ilike ?", List.of(trait, value));
        }
        var pattern = SqlText.containing(text);
        return new CustomerSearch(
                "(c.display_name ilike ? or c.email ilike ? or c.user_id = ? or exists (select 1 from customer_identity i"
                        + " where i.workspace_id = c.workspace_id and i.customer_id = c.id and i.value = ?))",
                List.of(pattern, pattern, text, text));
    }
}
