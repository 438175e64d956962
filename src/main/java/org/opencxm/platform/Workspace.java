package org.opencxm.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A workspace (tenant): its own users, keys and data.
 *
 * @param demo made by demo mode, with invented customers; labelled so wherever it is shown
 * @param archivedAt when an installation admin archived it: its data stays, nobody works in it
 */
public record Workspace(
        WorkspaceId id,
        String name,
        Locale defaultLocale,
        ZoneId timeZone,
        Instant createdAt,
        boolean demo,
        @Nullable Instant archivedAt) {

    public boolean archived() {
        return archivedAt != null;
    }
}
