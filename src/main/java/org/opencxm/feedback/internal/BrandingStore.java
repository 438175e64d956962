package org.opencxm.feedback.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code survey_branding} table: one row per workspace that chose a colour or logo. */
@Component
class BrandingStore {

    private final JdbcClient jdbc;

    BrandingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Branding find(WorkspaceId workspace) {
        return jdbc.sql("select colour, logo_type, updated_at from survey_branding where workspace_id = ?")
                .param(workspace.value())
                .query((rs, n) -> Branding.of(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional()
                .orElse(Branding.NONE);
    }

    Optional<Logo> logo(WorkspaceId workspace) {
        return jdbc.sql("select logo, logo_type from survey_branding where workspace_id = ? and logo is not null")
                .param(workspace.value())
                .query((rs, n) -> new Logo(rs.getBytes(1), rs.getString(2)))
                .optional();
    }

    /** Sets the colour; the logo is replaced when one is given, removed when asked, else kept. */
    void save(WorkspaceId workspace, @Nullable String colour, @Nullable Logo logo, boolean removeLogo, Instant at) {
        jdbc.sql("""
                        insert into survey_branding (workspace_id, colour, logo, logo_type, updated_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (workspace_id) do update set
                          colour = excluded.colour,
                          logo = case when ? then excluded.logo when ? then null else survey_branding.logo end,
                          logo_type = case when ? then excluded.logo_type when ? then null else survey_branding.logo_type end,
                          updated_at = excluded.updated_at
                        """)
                .params(
                        workspace.value(),
                        colour,
                        logo == null ? null : logo.bytes(),
                        logo == null ? null : logo.type(),
                        Timestamp.from(at),
                        logo != null,
                        removeLogo,
                        logo != null,
                        removeLogo)
                .update();
    }
}
