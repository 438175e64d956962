package org.opencxm.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import org.opencxm.cases.CaseStatus;
import org.opencxm.cases.CaseView;
import org.opencxm.cases.Cases;
import org.opencxm.platform.Department;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Cases that were worked before OpenCXM saw them, such as the demo's past year: filed, rated and
 * linked to earlier cases as a new one would be, due by the workspace's service times as of their
 * opening, and moved through the aggregate's own transitions at the times they happened (so
 * their working times and attainment are real). No letter goes out for what is past. A move that
 * would lie in the future is left for the agents: such a case is open, and the deadline sweep
 * watches it from now on like any other (its due dates may have passed).
 */
@Component
public class CaseHistory {

    /** Resolved cases are closed this many working hours later, if that is past. */
    static final Duration CLOSED_AFTER = Duration.ofHours(45);

    private final CaseOpenings openings;
    private final CaseStore store;
    private final CaseEntryStore entries;
    private final CaseCalendars calendars;
    private final CaseRules rules;
    private final Clock clock;

    CaseHistory(
            CaseOpenings openings,
            CaseStore store,
            CaseEntryStore entries,
            CaseCalendars calendars,
            CaseRules rules,
            Clock clock) {
        this.openings = openings;
        this.store = store;
        this.entries = entries;
        this.calendars = calendars;
        this.rules = rules;
        this.clock = clock;
    }

    /** Records the case; empty if its source recorded one already. The caller holds the transaction. */
    public Optional<CaseView> record(WorkspaceId workspace, Cases.PastCase past) {
        if (past.toFirstResponse().isNegative()
                || past.toResolution().compareTo(past.toFirstResponse()) <= 0
                || past.openedAt().isAfter(clock.instant())) {
            throw new InvalidInputException("toResolution", "case.invalid.past");
        }
        var levels = calendars.of(workspace);
        var category = rules.categories(workspace).file(past.category());
        var opened = past.openedAt();
        var inserted = openings.insert(
                workspace,
                past.customer(),
                past.subject().length() > Cases.SUBJECT_LENGTH
                        ? past.subject().substring(0, Cases.SUBJECT_LENGTH)
                        : past.subject(),
                category,
                past.severity(),
                past.source(),
                past.sourceRef(),
                past.touchpoint(),
                Department.SERVICE,
                null,
                null,
                opened);
        if (inserted.isEmpty()) {
            return Optional.empty();
        }
        var fresh = inserted.get();
        var supportCase = SupportCase.of(fresh, levels);
        var now = clock.instant();
        var moves = new ArrayList<Move>();
        var answered = levels.workingTimeAfter(opened, past.toFirstResponse());
        moves.add(new Move(CaseStatus.IN_PROGRESS, answered));
        var resolved = levels.workingTimeAfter(opened, past.toResolution());
        if (past.reopened()) {
            // solved once halfway, the customer wrote back a working day later (their time, not
            // ours: the aggregate counts it as waiting), solved for good after the other half
            var half = past.toResolution().dividedBy(2);
            var first = levels.workingTimeAfter(
                    opened,
                    half.compareTo(past.toFirstResponse()) > 0
                            ? half
                            : past.toFirstResponse().plusMinutes(1));
            var back = levels.workingTimeAfter(first, levels.dayLength());
            moves.add(new Move(CaseStatus.RESOLVED, first));
            moves.add(new Move(CaseStatus.IN_PROGRESS, back));
            resolved = levels.workingTimeAfter(back, past.toResolution().minus(levels.workingTime(opened, first)));
        }
        moves.add(new Move(CaseStatus.RESOLVED, resolved));
        moves.add(new Move(CaseStatus.CLOSED, levels.workingTimeAfter(resolved, CLOSED_AFTER)));
        var last = opened;
        for (var move : moves) {
            if (move.at().isAfter(now) || !move.at().isAfter(last)) {
                break;
            }
            var entry = supportCase.move(move.to(), past.agent(), move.at());
            entries.append(workspace, fresh.id(), entry, null);
            last = move.at();
        }
        var view = supportCase.view();
        store.update(workspace, view, supportCase.worked(), last);
        // a case still open is the sweep's from now on; a settled one has nothing left to watch
        store.alarmAt(workspace, fresh.id(), view.status().open() ? now : null);
        return Optional.of(view);
    }

    private record Move(CaseStatus to, Instant at) {}
}
