package org.opencxm.cases.internal;

import java.util.List;
import java.util.Objects;
import org.opencxm.cases.CaseOpened;
import org.opencxm.cases.CaseStatusChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What the customer hears of their case without anyone writing: within seconds of the case, that
 * we have it and by when we expect to have solved it (the resolution due date in working time,
 * in the workspace's time zone); when it is resolved; and when it is reopened, with the new date.
 * Each letter once (a reopened and again resolved case hears of it again).
 */
@Component
class CaseAcknowledgement {

    private final CaseStore cases;
    private final CustomerMail mail;

    CaseAcknowledgement(CaseStore cases, CustomerMail mail) {
        this.cases = cases;
        this.mail = mail;
    }

    @ApplicationModuleListener
    void on(CaseOpened opened) {
        cases.find(opened.workspaceId(), opened.caseId())
                .ifPresent(c -> mail.send(opened.workspaceId(), c, "acknowledgement", (locale, workspace) -> {
                    var due = mail.moment(Objects.requireNonNull(c.resolutionDue()), workspace.timeZone(), locale);
                    return new CustomerMail.Letter(
                            mail.text(workspace, "mail.case.subject", locale, c.number(), workspace.name()),
                            List.of(
                                    mail.text(workspace, "mail.case.intro", locale, c.number()),
                                    mail.text(workspace, "mail.case.due", locale, due),
                                    mail.text(workspace, "mail.case.reference", locale, c.number())),
                            1);
                }));
    }

    @ApplicationModuleListener
    void on(CaseStatusChanged changed) {
        var supportCase = cases.find(changed.workspaceId(), changed.caseId()).orElse(null);
        if (supportCase == null) {
            return;
        }
        if (changed.to() == org.opencxm.cases.CaseStatus.RESOLVED) {
            mail.send(
                    changed.workspaceId(),
                    supportCase,
                    "resolved-" + supportCase.reopened(),
                    (locale, workspace) -> new CustomerMail.Letter(
                            mail.text(
                                    workspace,
                                    "mail.case.resolved.subject",
                                    locale,
                                    supportCase.number(),
                                    workspace.name()),
                            List.of(
                                    mail.text(workspace, "mail.case.resolved.intro", locale, supportCase.number()),
                                    mail.text(workspace, "mail.case.resolved.more", locale, supportCase.number())),
                            0));
        } else if (changed.reopened()) {
            mail.send(
                    changed.workspaceId(),
                    supportCase,
                    "reopened-" + supportCase.reopened(),
                    (locale, workspace) -> new CustomerMail.Letter(
                            mail.text(
                                    workspace,
                                    "mail.case.reopened.subject",
                                    locale,
                                    supportCase.number(),
                                    workspace.name()),
                            List.of(
                                    mail.text(workspace, "mail.case.reopened.intro", locale, supportCase.number()),
                                    mail.text(
                                            workspace,
                                            "mail.case.due",
                                            locale,
                                            mail.moment(
                                                    Objects.requireNonNull(supportCase.resolutionDue()),
                                                    workspace.timeZone(),
                                                    locale))),
                            1));
        }
    }
}
