package org.opencxm.touchpoints;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an import: streams the file row by row (memory stays flat however large the file), stores
 * the events of valid rows a thousand at a time, records skipped rows with their reasons, and
 * updates the progress after each batch. An import cut short by a crash is run again from the
 * start at the next start-up; the rows' message ids make that safe.
 */
@Component
class ImportRunner {

    static final int BATCH = 1_000;
    static final int MAX_REPORTED_ERRORS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ImportFiles files;
    private final EventStore store;
    private final TouchpointResolver touchpoints;
    private final Workspaces workspaces;
    private final Clock clock;

    ImportRunner(
            JdbcClient jdbc,
            JdbcTemplate batches,
            ImportFiles files,
            EventStore store,
            TouchpointResolver touchpoints,
            Workspaces workspaces,
            Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.files = files;
        this.store = store;
        this.touchpoints = touchpoints;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    @Async
    void run(WorkspaceId workspace, UUID id) {
        try {
            importFile(workspace, id);
        } catch (Exception e) {
            log.warn("Import {} failed", id, e);
            jdbc.sql(
                            "update import_job set status = 'FAILED', failure = ?, finished_at = ? where workspace_id = ? and id = ?")
                    .params(String.valueOf(e.getMessage()), Timestamp.from(clock.instant()), workspace.value(), id)
                    .update();
        }
    }

    private void importFile(WorkspaceId workspace, UUID id) throws Exception {
        var job = jdbc.sql(
                        "select kind, mapping::text, touchpoint_id from import_job where workspace_id = ? and id = ?")
                .params(workspace.value(), id)
                .query((rs, n) ->
                        new Object[] {ImportKind.valueOf(rs.getString(1)), rs.getString(2), rs.getObject(3, UUID.class)
                        })
                .single();
        Map<String, String> mapping = JSON.readValue((String) job[1], new TypeReference<Map<String, String>>() {});
        var converter = new RowConverter(
                (ImportKind) job[0], mapping, workspaces.get(workspace).timeZone(), clock.instant());
        var attribution = touchpoints.forWorkspace(workspace, (UUID) job[2]);
        jdbc.sql("delete from import_row_error where workspace_id = ? and job_id = ?")
                .params(workspace.value(), id)
                .update();
        jdbc.sql("update import_job set total_rows = ?, processed_rows = 0, imported_rows = 0, skipped_rows = 0"
                        + " where workspace_id = ? and id = ?")
                .params(files.countRows(id), workspace.value(), id)
                .update();
        var progress = new Progress();
        var events = new ArrayList<CollectedEvent>();
        var errors = new ArrayList<ImportRowError>();
        try (var parser = files.open(id)) {
            for (var record : parser) {
                var converted = converter.convert(record, record.getRecordNumber() + 1);
                progress.row(converted.errors().isEmpty());
                events.addAll(converted.events());
                errors.addAll(converted.errors());
                if (events.size() >= BATCH || errors.size() >= BATCH) {
                    flush(workspace, id, events, errors, attribution, progress);
                }
            }
        }
        flush(workspace, id, events, errors, attribution, progress);
        jdbc.sql("update import_job set status = 'DONE', finished_at = ? where workspace_id = ? and id = ?")
                .params(Timestamp.from(clock.instant()), workspace.value(), id)
                .update();
        files.delete(id);
    }

    private void flush(
            WorkspaceId workspace,
            UUID id,
            List<CollectedEvent> events,
            List<ImportRowError> errors,
            TouchpointResolver.Attribution attribution,
            Progress progress) {
        if (!events.isEmpty()) {
            store.append(workspace, List.copyOf(events), attribution::of, clock.instant());
        }
        var reported = errors.stream()
                .limit(Math.max(0, MAX_REPORTED_ERRORS - progress.reportedErrors))
                .map(error -> new Object[] {workspace.value(), id, error.row(), error.column(), error.reason()})
                .toList();
        if (!reported.isEmpty()) {
            batches.batchUpdate(
                    "insert into import_row_error (workspace_id, job_id, row_number, column_name, reason)"
                            + " values (?, ?, ?, ?, ?) on conflict do nothing",
                    reported);
            progress.reportedErrors += reported.size();
        }
        jdbc.sql("update import_job set processed_rows = ?, imported_rows = ?, skipped_rows = ?"
                        + " where workspace_id = ? and id = ?")
                .params(progress.processed, progress.imported, progress.skipped, workspace.value(), id)
                .update();
        events.clear();
        errors.clear();
    }

    private static final class Progress {

        long processed;
        long imported;
        long skipped;
        long reportedErrors;

        void row(boolean valid) {
            processed++;
            if (valid) {
                imported++;
            } else {
                skipped++;
            }
        }
    }
}
