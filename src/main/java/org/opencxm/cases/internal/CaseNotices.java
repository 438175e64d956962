package org.opencxm.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.CaseStatus;
import org.opencxm.cases.CaseView;
import org.opencxm.platform.Workspaces;
import org.opencxm.platform.common.InvalidInputException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells whom an alarm concerns. Warnings and promise reminders go to the case's assignee (the
 * one who made the promise), or to the department's leads while nobody took the case; breaches
 * go to the leads, and the case to one of them where the workspace says so. The customer hears
 * when the date we gave them slipped, when a promise to them was not kept, and when they heard
 * nothing for a while: every letter once, on the case.
 */
@Component
class CaseNotices {

    private final CaseStore cases;
    private final PromiseStore promises;
    private final Workspaces workspaces;
    private final CustomerMail mail;
    private final CaseCalendars calendars;
    private final CaseChanges changes;
    private final Clock clock;

    CaseNotices(
            CaseStore cases,
            PromiseStore promises,
            Workspaces workspaces,
            CustomerMail mail,
            CaseCalendars calendars,
            CaseChanges changes,
            Clock clock) {
        this.calendars = calendars;
        this.changes = changes;
        this.clock = clock;
        this.cases = cases;
        this.promises = promises;
        this.workspaces = workspaces;
        this.mail = mail;
    }

    @ApplicationModuleListener
    void on(CaseAlarmRaised alarm) {
        var supportCase = cases.find(alarm.workspaceId(), alarm.caseId()).orElse(null);
        if (supportCase == null) {
            return;
        }
        var promise = alarm.promiseId() == null
                ? null
                : promises.find(alarm.workspaceId(), alarm.caseId(), alarm.promiseId())
                        .orElse(null);
        var zone = workspaces.get(alarm.workspaceId()).timeZone();
        if (!stillApplies(alarm.kind(), supportCase, promise)) {
            // the case moved on between the alarm and this letter
            return;
        }
        switch (alarm.kind()) {
            case FIRST_RESPONSE_WARNING, RESOLUTION_WARNING -> {
                var due = alarm.kind() == CaseAlarms.Kind.FIRST_RESPONSE_WARNING
                        ? supportCase.firstResponseDue()
                        : supportCase.resolutionDue();
                tellAssignee(alarm, supportCase, alarm.kind(), Objects.requireNonNull(due), zone, null);
            }
            case FIRST_RESPONSE_BREACH, RESOLUTION_BREACH -> {
                reassign(alarm, supportCase);
                for (var lead : workspaces.leads(alarm.workspaceId(), supportCase.department())) {
                    mail.tell(
                            lead, supportCase, staffLetter(lead.locale(), supportCase, alarm.kind(), null, zone, null));
                }
                if (alarm.kind() == CaseAlarms.Kind.RESOLUTION_BREACH) {
                    customer(alarm, supportCase, "delay", 0);
                }
            }
            case SILENCE -> customer(alarm, supportCase, "update", 1);
            case PROMISE_REMINDER, PROMISE_OVERDUE -> {
                if (promise == null) {
                    return;
                }
                tellAssignee(alarm, supportCase, alarm.kind(), promise.dueAt(), zone, promise);
                if (alarm.kind() == CaseAlarms.Kind.PROMISE_OVERDUE) {
                    customerOfPromise(alarm, supportCase, promise);
                }
            }
        }
    }

    /**
     * Where the workspace wants it, a case that missed a due time goes to the first of its
     * department's leads, unless a lead has it already; a case someone changed meanwhile is
     * theirs (the leads still hear of the breach).
     */
    private void reassign(CaseAlarmRaised alarm, CaseView c) {
        var workspace = alarm.workspaceId();
        if (!c.status().open() || !calendars.settings(workspace).reassignOnBreach()) {
            return;
        }
        var leads = workspaces.leads(workspace, c.department());
        if (leads.isEmpty() || leads.stream().anyMatch(lead -> lead.id().equals(c.assigneeId()))) {
            return;
        }
        var lead = leads.get(0);
        try {
            var current = changes.current(workspace, c.id(), c.version());
            changes.save(workspace, current, current.assign(lead.id(), lead.name(), null, clock.instant()), null);
        } catch (InvalidInputException changedMeanwhile) {
            // an agent moved the case since the alarm: their move stands
        }
    }

    /** An alarm whose occasion passed (answered, resolved, kept) while it waited is not told. */
    static boolean stillApplies(CaseAlarms.Kind kind, CaseView c, @Nullable CasePromise promise) {
        return switch (kind) {
            case FIRST_RESPONSE_WARNING -> c.status().open() && c.firstResponseAt() == null;
            case RESOLUTION_WARNING, SILENCE -> c.status().open() && c.status() != CaseStatus.WAITING_FOR_CUSTOMER;
            case PROMISE_REMINDER, PROMISE_OVERDUE -> promise != null && !promise.kept();
            case FIRST_RESPONSE_BREACH, RESOLUTION_BREACH -> true;
        };
    }

    private void tellAssignee(
            CaseAlarmRaised alarm,
            CaseView supportCase,
            CaseAlarms.Kind kind,
            Instant due,
            ZoneId zone,
            @Nullable CasePromise promise) {
        var who = promise != null && promise.madeBy() != null ? promise.madeBy() : supportCase.assigneeId();
        var person = who == null
                ? null
                : workspaces.colleague(alarm.workspaceId(), who).orElse(null);
        // nobody has the case, or who had it no longer works here: the department's leads
        var people = person == null ? workspaces.leads(alarm.workspaceId(), supportCase.department()) : List.of(person);
        for (var colleague : people) {
            mail.tell(colleague, supportCase, staffLetter(colleague.locale(), supportCase, kind, due, zone, promise));
        }
    }

    private CustomerMail.Letter staffLetter(
            Locale locale,
            CaseView c,
            CaseAlarms.Kind kind,
            @Nullable Instant due,
            ZoneId zone,
            @Nullable CasePromise promise) {
        var key = "mail.colleague." + kind.name();
        var when = due == null ? "" : mail.moment(due, zone, locale);
        var what = promise == null ? "" : promise.what();
        return new CustomerMail.Letter(
                mail.text(key + ".subject", locale, c.number(), when, what),
                List.of(mail.text(key + ".body", locale, c.number(), when, what), c.subject()),
                0);
    }

    private void customer(CaseAlarmRaised alarm, CaseView c, String letter, int emphasized) {
        mail.send(alarm.workspaceId(), c, alarm.occasion(), (locale, workspace) -> {
            var due = c.resolutionDue() == null ? "" : mail.moment(c.resolutionDue(), workspace.timeZone(), locale);
            var status = mail.text(c.status().messageKey(), locale);
            var key = "mail.case." + letter;
            // an update after the date slipped does not promise that date again
            var late = "update".equals(letter)
                    && c.resolutionDue() != null
                    && !c.resolutionDue().isAfter(clock.instant());
            return new CustomerMail.Letter(
                    mail.text(workspace, key + ".subject", locale, c.number(), workspace.name()),
                    List.of(
                            mail.text(workspace, key + ".intro", locale, c.number(), due, status),
                            mail.text(
                                    workspace, late ? key + ".late" : key + ".next", locale, c.number(), due, status)),
                    emphasized);
        });
    }

    private void customerOfPromise(CaseAlarmRaised alarm, CaseView c, CasePromise promise) {
        mail.send(
                alarm.workspaceId(),
                c,
                alarm.occasion(),
                (locale, workspace) -> new CustomerMail.Letter(
                        mail.text(workspace, "mail.case.promise.subject", locale, c.number(), workspace.name()),
                        List.of(
                                mail.text(
                                        workspace,
                                        "mail.case.promise.intro",
                                        locale,
                                        promise.what(),
                                        mail.moment(promise.dueAt(), workspace.timeZone(), locale)),
                                mail.text(workspace, "mail.case.promise.next", locale, c.number())),
                        1));
    }
}
