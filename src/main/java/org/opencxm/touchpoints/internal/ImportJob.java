package org.opencxm.touchpoints.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.WorkspaceId;

/** One CSV import: uploaded, running, done (with skipped rows reported) or failed. */
public record ImportJob(
        UUID id,
        WorkspaceId workspaceId,
        ImportKind kind,
        String fileName,
        Status status,
        long totalRows,
        long processedRows,
        long importedRows,
        long skippedRows,
        @Nullable String failure,
        Instant createdAt,
        @Nullable Instant finishedAt) {

    public enum Status {
        UPLOADED,
        RUNNING,
        DONE,
        FAILED
    }

    public int percent() {
        return totalRows == 0 ? (status == Status.DONE ? 100 : 0) : (int) (processedRows * 100 / totalRows);
    }

    public boolean running() {
        return status == Status.RUNNING;
    }
}
