package org.opencxm.feedback.internal;

import java.time.Clock;
import org.opencxm.platform.WorkspaceArchived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An archived workspace sends nothing more on its own: its triggers stop, the invitations they
 * (or anyone) scheduled are skipped as {@link SkipReason#WORKSPACE_ARCHIVED}, and sent ones get
 * no reminder, all in the same transaction as the archiving. Restoring the workspace brings neither back, on purpose: nobody
 * should get a survey e-mail months late.
 */
@Component
class WorkspaceArchiving {

    private final TriggerStore triggers;
    private final InvitationStore invitations;
    private final Clock clock;

    WorkspaceArchiving(TriggerStore triggers, InvitationStore invitations, Clock clock) {
        this.triggers = triggers;
        this.invitations = invitations;
        this.clock = clock;
    }

    @EventListener
    void on(WorkspaceArchived event) {
        triggers.deactivateAll(event.workspaceId());
        invitations.skipScheduled(event.workspaceId(), SkipReason.WORKSPACE_ARCHIVED);
        invitations.cancelReminders(event.workspaceId(), clock.instant());
    }
}
