package org.opencxm.touchpoints.internal;

import java.nio.charset.Charset;
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
        Charset encoding,
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

    /** Windows-1252 is what Excel writes for CSV unless told UTF-8: worth telling the user which was read. */
    public boolean utf8() {
        return encoding.equals(java.nio.charset.StandardCharsets.UTF_8);
    }

    public boolean running() {
        return status == Status.RUNNING;
    }
}
