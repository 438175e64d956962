package org.opencxm.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened on a case: it was opened, a note was written, its status, assignee,
 * severity or category changed, the customer was written to.
 *
 * @param from the value before (a status, severity or category), for changes
 * @param to the value after, for changes
 * @param author who did it; {@code null} for what the system did
 */
public record CaseEntry(
        Kind kind,
        @Nullable String body,
        @Nullable String from,
        @Nullable String to,
        @Nullable String author,
        Instant at) {

    public enum Kind {
        OPENED,
        NOTE,
        STATUS,
        ASSIGNED,
        SEVERITY,
        CATEGORY,
        /** A message to the customer; its text is the body. */
        MESSAGE,
        /** A message from the customer, read from the support mailbox; its text is the body. */
        REPLY,
        /** A promise to the customer was made or kept; what was promised is the body. */
        PROMISE,
        /** A deadline is near or a promise came due: {@code to} says which. */
        ALERT,
        /** A due time was missed and the case went to the department's leads. */
        ESCALATED,
        /** The follow-up survey went out ({@code to}: SENT or SKIPPED) or was answered (ANSWERED, the score as body). */
        SURVEY
    }
}
