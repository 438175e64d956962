package org.opencxm.feedback.internal;

import org.opencxm.platform.WorkspaceArchived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An archived workspace sends nothing more on its own: its triggers stop and the invitations
 * they (or anyone) scheduled are skipped as {@link SkipReason#WORKSPACE_ARCHIVED}, in the same
 * transaction as the archiving. Restoring the workspace brings neither back, on purpose: nobody
 * should get a survey e-mail months late.
 */
@Component
class WorkspaceArchiving {

    private final TriggerStore triggers;
    private final InvitationStore invitations;

    WorkspaceArchiving(TriggerStore triggers, InvitationStore invitations) {
        this.triggers = triggers;
        this.invitations = invitations;
    }

    @EventListener
    void on(WorkspaceArchived event) {
        triggers.deactivateAll(event.workspaceId());
        invitations.skipScheduled(event.workspaceId(), SkipReason.WORKSPACE_ARCHIVED);
    }
}
