package org.opencxm.cases.internal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.CaseEntry;
import org.opencxm.cases.CaseId;
import org.opencxm.cases.CaseStatus;
import org.opencxm.cases.CaseStatusChanged;
import org.opencxm.cases.CaseView;
import org.opencxm.platform.UserId;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Loads a case as its aggregate and saves what it did: the row, the entry that says what
 * happened, and the announcement of a status change. For people, on the version they read (a
 * stale one is refused, not merged); for what the system does (a reply that came in), on the
 * latest.
 */
@Component
public class CaseChanges {

    private final CaseStore store;
    private final CaseEntryStore entries;
    private final CaseCalendars calendars;
    private final ApplicationEventPublisher events;

    CaseChanges(CaseStore store, CaseEntryStore entries, CaseCalendars calendars, ApplicationEventPublisher events) {
        this.store = store;
        this.entries = entries;
        this.calendars = calendars;
        this.events = events;
    }

    /** The case as it was when its editor read it at {@code version}. */
    public SupportCase current(WorkspaceId workspace, CaseId id, int version) {
        var stored = latest(workspace, id);
        if (stored.version() != version) {
            throw new InvalidInputException("version", "case.invalid.stale");
        }
        return SupportCase.of(stored, calendars.of(workspace));
    }

    /** The case as it is now, for the system's own moves. */
    public SupportCase current(WorkspaceId workspace, CaseId id) {
        return SupportCase.of(latest(workspace, id), calendars.of(workspace));
    }

    public CaseView save(WorkspaceId workspace, SupportCase supportCase, CaseEntry entry, @Nullable UserId author) {
        if (!store.update(workspace, supportCase.view(), supportCase.worked(), entry.at())) {
            throw new InvalidInputException("version", "case.invalid.stale");
        }
        entries.append(workspace, supportCase.id(), entry, author);
        var saved = latest(workspace, supportCase.id());
        if (entry.kind() == CaseEntry.Kind.STATUS) {
            events.publishEvent(new CaseStatusChanged(
                    workspace,
                    saved.id(),
                    saved.number(),
                    saved.customerId(),
                    CaseStatus.valueOf(Objects.requireNonNull(entry.from())),
                    saved.status(),
                    entry.at()));
        }
        return saved;
    }

    private CaseView latest(WorkspaceId workspace, CaseId id) {
        return store.find(workspace, id).orElseThrow(() -> new NotFoundException("case", id));
    }
}
