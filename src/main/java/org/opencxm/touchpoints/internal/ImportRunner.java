package org.opencxm.touchpoints.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

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

    private final ImportStore imports;
    private final ImportFiles files;
    private final EventStore store;
    private final TouchpointResolver touchpoints;
    private final Workspaces workspaces;
    private final Clock clock;

    ImportRunner(
            ImportStore imports,
            ImportFiles files,
            EventStore store,
            TouchpointResolver touchpoints,
            Workspaces workspaces,
            Clock clock) {
        this.imports = imports;
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
            var cause = cause(e);
            log.warn("Import {} failed: {}", id, cause);
            imports.failed(workspace, id, cause, clock.instant());
        }
    }

    /**
     * What failed, without the exception's message: a database error quotes the row it could not
     * write, which is customer data, so the log and the job get the exception type and SQL state.
     */
    private static String cause(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                return e.getClass().getSimpleName() + " (SQL state " + sql.getSQLState() + ")";
            }
        }
        return e.getClass().getSimpleName();
    }

    private void importFile(WorkspaceId workspace, UUID id) throws Exception {
        var job = imports.started(workspace, id);
        var converter = new RowConverter(
                job.kind(), job.mapping(), workspaces.get(workspace).timeZone(), clock.instant());
        var attribution = touchpoints.forWorkspace(workspace, job.touchpoint());
        imports.restart(workspace, id, files.countRows(id, job.encoding()));
        var progress = new Progress();
        var events = new ArrayList<CollectedEvent>();
        var errors = new ArrayList<ImportRowError>();
        try (var parser = files.open(id, job.encoding())) {
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
        imports.done(workspace, id, clock.instant());
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
            store.append(workspace, List.copyOf(events), attribution::of, clock.instant(), Sender.OPENCXM);
        }
        var reported = errors.stream()
                .limit(Math.max(0, MAX_REPORTED_ERRORS - progress.reportedErrors))
                .toList();
        imports.report(workspace, id, reported);
        progress.reportedErrors += reported.size();
        imports.progress(workspace, id, progress.processed, progress.imported, progress.skipped);
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
