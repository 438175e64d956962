package org.opencxm.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencxm.platform.WorkspaceId;

/** The search box becomes conditions on the customer table; user text never becomes SQL. */
class CustomerSearchTests {

    private static final WorkspaceId WORKSPACE = new WorkspaceId(UUID.randomUUID());

    @Test
    void noSearchListsTheWorkspacesProfilesThatWereNotMerged() {
        var where = CustomerSearch.conditions(WORKSPACE, "  ");

        assertThat(where.sql()).isEqualTo(" where c.workspace_id = ? and c.merged_into is null");
        assertThat(where.params()).containsExactly(WORKSPACE.value());
    }

    @Test
    void freeTextMatchesNameAndEmailInPartAndIdsExactly() {
        var where = CustomerSearch.conditions(WORKSPACE, " Müller_1% ");

        assertThat(where.sql()).contains("c.display_name ilike ?", "c.email ilike ?", "c.user_id = ?", "i.value = ?");
        assertThat(where.params())
                .as("% and _ in the text are characters, not wildcards")
                .containsExactly(WORKSPACE.value(), "%Müller\\_1\\%%", "%Müller\\_1\\%%", "Müller_1%", "Müller_1%");
    }

    @Test
    void traitColonValueSearchesOneTrait() {
        var where = CustomerSearch.conditions(WORKSPACE, "plan:premium");

        assertThat(where.sql()).endsWith(" and c.traits->>? ilike ?");
        assertThat(where.params()).containsExactly(WORKSPACE.value(), "plan", "%premium%");
    }

    @Test
    void aColonWithSpacesOrAtTheEdgesIsFreeText() {
        for (var text : new String[] {"note: late", ":premium", "plan:"}) {
            assertThat(CustomerSearch.conditions(WORKSPACE, text).sql())
                    .as(text)
                    .contains("c.display_name ilike ?");
        }
    }
}
