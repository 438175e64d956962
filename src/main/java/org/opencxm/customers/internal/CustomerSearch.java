package org.opencxm.customers.internal;

import org.jspecify.annotations.Nullable;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.SqlConditions;
import org.opencxm.platform.common.SqlText;

/**
 * The customer list's search box as conditions on {@code customer c}: free text matches name
 * and e-mail in part and any id exactly; {@code trait:value} (no spaces) matches one trait in
 * part, e.g. {@code plan:premium} or {@code city:münchen}. Merged profiles never show.
 */
final class CustomerSearch {

    private CustomerSearch() {}

    static SqlConditions conditions(WorkspaceId workspace, @Nullable String search) {
        var where = SqlConditions.where("c.workspace_id = ?", workspace.value()).and("c.merged_into is null");
        if (search == null || search.isBlank()) {
            return where;
        }
        var text = search.strip();
        int colon = text.indexOf(':');
        if (colon > 0 && colon < text.length() - 1 && !text.contains(" ")) {
            return where.and(
                    "c.traits->>? ilike ?", text.substring(0, colon), SqlText.containing(text.substring(colon + 1)));
        }
        var pattern = SqlText.containing(text);
        return where.and(
                "(c.display_name ilike ? or c.email ilike ? or c.user_id = ? or exists (select 1 from customer_identity i"
                        + " where i.workspace_id = c.workspace_id and i.customer_id = c.id and i.value = ?))",
                pattern,
                pattern,
                text,
                text);
    }
}
