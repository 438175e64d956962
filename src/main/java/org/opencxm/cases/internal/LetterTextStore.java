package org.opencxm.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of {@code case_letter_text}: a workspace's own wording of letter parts, by part and language. */
@Component
public class LetterTextStore {

    private final JdbcClient jdbc;

    LetterTextStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The workspace's texts by {@code part + "." + language}. */
    public Map<String, String> of(WorkspaceId workspace) {
        var texts = new HashMap<String, String>();
        jdbc.sql("select part, language, text from case_letter_text where workspace_id = ?")
                .param(workspace.value())
                .query(rs -> {
                    texts.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3));
                });
        return texts;
    }

    /** The workspace's own text of one part in one language, if it has one. */
    public java.util.Optional<String> find(WorkspaceId workspace, String part, String language) {
        return jdbc.sql("select text from case_letter_text where workspace_id = ? and part = ? and language = ?")
                .params(workspace.value(), part, language)
                .query(String.class)
                .optional();
    }

    /** Replaces all of the workspace's texts with these ({@code part + "." + language} to text). */
    public void replace(WorkspaceId workspace, Map<String, String> texts, Instant at) {
        jdbc.sql("delete from case_letter_text where workspace_id = ?")
                .param(workspace.value())
                .update();
        for (var entry : texts.entrySet()) {
            int dot = entry.getKey().lastIndexOf('.');
            jdbc.sql(
                            "insert into case_letter_text (workspace_id, part, language, text, updated_at) values (?, ?, ?, ?, ?)")
                    .params(
                            workspace.value(),
                            entry.getKey().substring(0, dot),
                            entry.getKey().substring(dot + 1),
                            entry.getValue(),
                            Timestamp.from(at))
                    .update();
        }
    }
}
