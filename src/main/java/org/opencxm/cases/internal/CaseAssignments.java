package org.opencxm.cases.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.opencxm.cases.CaseId;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Role;
import org.opencxm.platform.UserId;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.Workspaces;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Giving cases to someone, several at once from the queue: to whoever of the workspace works on
 * cases (admins, CX managers, agents). All or nothing; resolved and closed cases keep who had them.
 */
@Service
public class CaseAssignments {

    /** Who can be given a case. */
    public static final List<Role> WORKERS = List.of(Role.ADMIN, Role.CX_MANAGER, Role.AGENT);

    static final int MOST = 200;

    private final CaseChanges changes;
    private final Workspaces workspaces;
    private final Clock clock;

    CaseAssignments(CaseChanges changes, Workspaces workspaces, Clock clock) {
        this.changes = changes;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /** The people cases can be given to, by name. */
    @Transactional(readOnly = true)
    public List<Workspaces.Colleague> assignees(WorkspaceId workspace) {
        return workspaces.colleagues(workspace, WORKERS);
    }

    /** Gives the open ones of these cases to {@code to}; returns how many changed hands. */
    @Transactional
    public int assign(WorkspaceId workspace, List<UUID> ids, UserId to, Actor by) {
        if (ids.isEmpty() || ids.size() > MOST) {
            throw new InvalidInputException("ids", "case.invalid.noneChosen");
        }
        var assignee = assignees(workspace).stream()
                .filter(c -> c.id().equals(to))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("assignee", "case.invalid.assignee"));
        int changed = 0;
        for (var id : ids.stream().distinct().toList()) {
            SupportCase current;
            try {
                current = changes.current(workspace, new CaseId(id));
            } catch (NotFoundException e) {
                throw new InvalidInputException("ids", "case.invalid.noneChosen");
            }
            var view = current.view();
            if (!view.status().open() || to.equals(view.assigneeId())) {
                continue;
            }
            changes.save(
                    workspace, current, current.assign(to, assignee.name(), by.name(), clock.instant()), by.userId());
            changed++;
        }
        return changed;
    }
}
