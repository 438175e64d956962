package org.opencxm.touchpoints.internal;

import java.nio.charset.Charset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of {@code import_job} and {@code import_row_error}. A job moves from uploaded to
 * running once (the update says whether this caller moved it) and ends done or failed.
 */
@Component
class ImportStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS =
            "workspace_id, id, kind, file_name, encoding, status, total_rows, processed_rows,"
                    + " imported_rows, skipped_rows, failure, created_at, finished_at";

    /** What running a started job needs. */
    record Started(
            ImportKind kind,
            Map<String, String> mapping,
            @Nullable UUID touchpoint,
            Charset encoding) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    ImportStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    void insert(WorkspaceId workspace, UUID id, ImportKind kind, String fileName, ImportFiles.Shape shape) {
        jdbc.sql("insert into import_job (workspace_id, id, kind, file_name, encoding, total_rows, status)"
                        + " values (?, ?, ?, ?, ?, ?, 'UPLOADED')")
                .params(
                        workspace.value(),
                        id,
                        kind.name(),
                        fileName,
                        shape.encoding().name(),
                        shape.rows())
                .update();
    }

    /** Removes a job that never started, which has no row errors yet. */
    void deleteUnstarted(WorkspaceId workspace, UUID id) {
        jdbc.sql("delete from import_job where workspace_id = ? and id = ? and status = 'UPLOADED'")
                .params(workspace.value(), id)
                .update();
    }

    Optional<ImportJob> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from import_job where workspace_id = ? and id = ?")
                .params(workspace.value(), id)
                .query(ImportStore::map)
                .optional();
    }

    List<ImportJob> latest(WorkspaceId workspace, int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from import_job where workspace_id = ? order by created_at desc limit ?")
                .params(workspace.value(), limit)
                .query(ImportStore::map)
                .list();
    }

    List<ImportJob> running() {
        return jdbc.sql("select " + COLUMNS + " from import_job where status = 'RUNNING'")
                .query(ImportStore::map)
                .list();
    }

    /** @return true if this call moved the job from uploaded to running */
    boolean start(WorkspaceId workspace, UUID id, Map<String, String> mapping, @Nullable UUID touchpoint) {
        return jdbc.sql("update import_job set status = 'RUNNING', mapping = ?::jsonb, touchpoint_id = ?"
                                + " where workspace_id = ? and id = ? and status = 'UPLOADED'")
                        .params(JSON.writeValueAsString(mapping), touchpoint, workspace.value(), id)
                        .update()
                == 1;
    }

    Started started(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select kind, mapping::text, touchpoint_id, encoding from import_job"
                        + " where workspace_id = ? and id = ?")
                .params(workspace.value(), id)
                .query((rs, n) -> new Started(
                        ImportKind.valueOf(rs.getString(1)),
                        JSON.readValue(rs.getString(2), new TypeReference<Map<String, String>>() {}),
                        rs.getObject(3, UUID.class),
                        Charset.forName(rs.getString(4))))
                .single();
    }

    /** A (re)started run counts from zero and reports afresh. */
    void restart(WorkspaceId workspace, UUID id, long totalRows) {
        jdbc.sql("delete from import_row_error where workspace_id = ? and job_id = ?")
                .params(workspace.value(), id)
                .update();
        jdbc.sql("update import_job set total_rows = ?, processed_rows = 0, imported_rows = 0, skipped_rows = 0"
                        + " where workspace_id = ? and id = ?")
                .params(totalRows, workspace.value(), id)
                .update();
    }

    void progress(WorkspaceId workspace, UUID id, long processed, long imported, long skipped) {
        jdbc.sql("update import_job set processed_rows = ?, imported_rows = ?, skipped_rows = ?"
                        + " where workspace_id = ? and id = ?")
                .params(processed, imported, skipped, workspace.value(), id)
                .update();
    }

    /** One batch statement for the lot. */
    void report(WorkspaceId workspace, UUID id, List<ImportRowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        batches.batchUpdate(
                "insert into import_row_error (workspace_id, job_id, row_number, column_name, reason)"
                        + " values (?, ?, ?, ?, ?) on conflict do nothing",
                errors.stream()
                        .map(error -> new Object[] {workspace.value(), id, error.row(), error.column(), error.reason()})
                        .toList());
    }

    List<ImportRowError> errors(WorkspaceId workspace, UUID id, int limit) {
        return jdbc.sql("select row_number, column_name, reason from import_row_error"
                        + " where workspace_id = ? and job_id = ? order by row_number, column_name limit ?")
                .params(workspace.value(), id, limit)
                .query((rs, n) -> new ImportRowError(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    void done(WorkspaceId workspace, UUID id, Instant at) {
        jdbc.sql("update import_job set status = 'DONE', finished_at = ? where workspace_id = ? and id = ?")
                .params(Timestamp.from(at), workspace.value(), id)
                .update();
    }

    void failed(WorkspaceId workspace, UUID id, String failure, Instant at) {
        jdbc.sql(
                        "update import_job set status = 'FAILED', failure = ?, finished_at = ? where workspace_id = ? and id = ?")
                .params(failure, Timestamp.from(at), workspace.value(), id)
                .update();
    }

    private static ImportJob map(ResultSet rs, int row) throws SQLException {
        var finished = rs.getTimestamp("finished_at");
        return new ImportJob(
                rs.getObject("id", UUID.class),
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                ImportKind.valueOf(rs.getString("kind")),
                rs.getString("file_name"),
                Charset.forName(rs.getString("encoding")),
                ImportJob.Status.valueOf(rs.getString("status")),
                rs.getLong("total_rows"),
                rs.getLong("processed_rows"),
                rs.getLong("imported_rows"),
                rs.getLong("skipped_rows"),
                rs.getString("failure"),
                rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
