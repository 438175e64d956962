package org.opencxm.cases.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.CaseEntry;
import org.opencxm.cases.CaseId;
import org.opencxm.platform.UserId;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of {@code case_entry}: what happened on each case, never changed once written. */
@Component
public class CaseEntryStore {

    private final JdbcClient jdbc;

    CaseEntryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(WorkspaceId workspace, CaseId caseId, CaseEntry entry, @Nullable UserId author) {
        append(workspace, caseId, entry, author, null);
    }

    /**
     * Appends the entry of a mail read from the mailbox; {@code false} if that mail (by its
     * Message-ID) is on a case already.
     */
    public boolean append(
            WorkspaceId workspace,
            CaseId caseId,
            CaseEntry entry,
            @Nullable UserId author,
            @Nullable String messageId) {
        return jdbc.sql("""
                        insert into case_entry (workspace_id, case_id, id, kind, body, from_value, to_value, author_id,
                                                author_name, at, message_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (workspace_id, message_id) where message_id is not null do nothing""")
                        .params(
                                workspace.value(),
                                caseId.value(),
                                Ids.next(),
                                entry.kind().name(),
                                entry.body(),
                                entry.from(),
                                entry.to(),
                                author == null ? null : author.value(),
                                entry.author(),
                                Timestamp.from(entry.at()),
                                messageId)
                        .update()
                == 1;
    }

    /** An entry the sweep writes on a case, without an author. */
    public record OnCase(WorkspaceId workspace, CaseId caseId, CaseEntry entry) {}

    /** Appends the sweep's entries of a round in one statement. */
    public void appendAll(List<OnCase> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into case_entry (workspace_id, case_id, id, kind, body, from_value, to_value, at)
                        select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],
                                             ?::timestamptz[])""")
                .params(
                        entries.stream().map(e -> e.workspace().value()).toArray(UUID[]::new),
                        entries.stream().map(e -> e.caseId().value()).toArray(UUID[]::new),
                        entries.stream().map(e -> Ids.next()).toArray(UUID[]::new),
                        entries.stream().map(e -> e.entry().kind().name()).toArray(String[]::new),
                        entries.stream().map(e -> e.entry().body()).toArray(String[]::new),
                        entries.stream().map(e -> e.entry().from()).toArray(String[]::new),
                        entries.stream().map(e -> e.entry().to()).toArray(String[]::new),
                        entries.stream()
                                .map(e -> Timestamp.from(e.entry().at()))
                                .toArray(Timestamp[]::new))
                .update();
    }

    public boolean hasMessage(WorkspaceId workspace, String messageId) {
        return jdbc.sql("select exists (select 1 from case_entry where workspace_id = ? and message_id = ?)")
                .params(workspace.value(), messageId)
                .query(Boolean.class)
                .single();
    }

    public List<CaseEntry> of(WorkspaceId workspace, CaseId caseId) {
        return jdbc.sql("select kind, body, from_value, to_value, author_name, at from case_entry"
                        + " where workspace_id = ? and case_id = ? order by at, id")
                .params(workspace.value(), caseId.value())
                .query((rs, n) -> new CaseEntry(
                        CaseEntry.Kind.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }
}
