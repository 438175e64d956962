package org.opencxm.journeys.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How far the replay of every history under a version of the rules has got.
 *
 * @param done customers replayed so far
 * @param total customers when the replay started
 */
public record ReplayProgress(
        int rulesVersion,
        long done,
        long total,
        Instant startedAt,
        @Nullable Instant finishedAt) {

    @JsonProperty
    public boolean running() {
        return finishedAt == null;
    }

    /** Done in per cent, 0–100. */
    @JsonProperty
    public int percent() {
        return total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
    }
}
