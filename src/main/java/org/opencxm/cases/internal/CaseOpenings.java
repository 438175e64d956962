package org.opencxm.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.CaseEntry;
import org.opencxm.cases.CaseId;
import org.opencxm.cases.CaseOpened;
import org.opencxm.cases.CaseSource;
import org.opencxm.cases.CaseStatus;
import org.opencxm.cases.CaseView;
import org.opencxm.cases.Severity;
import org.opencxm.customers.CustomerId;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Department;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.Ids;
import org.opencxm.touchpoints.TouchpointId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Opens cases now: numbered without gaps per workspace, linked to the customer's earlier case of
 * the same category within 90 days (and one step more severe), due by the workspace's service
 * times, and announced ({@link CaseOpened}) for the acknowledgement. The caller holds the
 * transaction.
 */
@Component
public class CaseOpenings {

    private final CaseStore store;
    private final CaseEntryStore entries;
    private final CaseCalendars calendars;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseOpenings(
            CaseStore store,
            CaseEntryStore entries,
            CaseCalendars calendars,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.entries = entries;
        this.calendars = calendars;
        this.events = events;
        this.clock = clock;
    }

    /** Opens the case: numbered, linked to the customer's earlier case of its kind, announced. */
    public Optional<CaseView> open(
            WorkspaceId workspace,
            CustomerId customer,
            String subject,
            String category,
            Severity severity,
            CaseSource source,
            @Nullable String sourceRef,
            @Nullable TouchpointId touchpoint,
            Department department,
            @Nullable String note,
            @Nullable Actor by) {
        Instant at = clock.instant();
        var opened = insert(
                workspace,
                customer,
                subject,
                category,
                severity,
                source,
                sourceRef,
                touchpoint,
                department,
                note,
                by,
                at);
        opened.ifPresent(c -> events.publishEvent(new CaseOpened(
                workspace, c.id(), c.number(), customer, category, c.severity(), source, c.repeatOf(), at)));
        return opened;
    }

    /**
     * Stores the case as opened at {@code at}, with its entry, unannounced: for cases of the past
     * ({@link CaseHistory}) as for new ones.
     */
    Optional<CaseView> insert(
            WorkspaceId workspace,
            CustomerId customer,
            String subject,
            String category,
            Severity severity,
            CaseSource source,
            @Nullable String sourceRef,
            @Nullable TouchpointId touchpoint,
            Department department,
            @Nullable String note,
            @Nullable Actor by,
            Instant at) {
        store.lockNumbers(workspace);
        var earlier = store.latest(
                        workspace, customer, category, at.minus(CaseOpening.REPEAT_WINDOW), at.plusSeconds(1))
                .map(CaseView::id)
                .orElse(null);
        var fresh = new CaseView(
                new CaseId(Ids.next()),
                store.nextNumber(workspace),
                customer,
                subject,
                category,
                earlier == null ? severity : severity.raised(),
                CaseStatus.NEW,
                source,
                sourceRef,
                touchpoint,
                department,
                null,
                null,
                earlier,
                at,
                null,
                null,
                null,
                null,
                null,
                0,
                0,
                0);
        var opened = SupportCase.scheduled(fresh, calendars.of(workspace));
        if (!store.insert(workspace, opened, at)) {
            return Optional.empty();
        }
        entries.append(
                workspace,
                opened.id(),
                new CaseEntry(CaseEntry.Kind.OPENED, note, null, source.name(), by == null ? null : by.name(), at),
                by == null ? null : by.userId());
        return Optional.of(opened);
    }
}
