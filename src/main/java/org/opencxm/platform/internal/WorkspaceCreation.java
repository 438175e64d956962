package org.opencxm.platform.internal;

import java.time.ZoneId;
import java.util.Locale;
import org.opencxm.platform.Department;
import org.opencxm.platform.Role;
import org.opencxm.platform.UserId;
import org.opencxm.platform.Workspace;
import org.opencxm.platform.Workspaces;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An installation admin's new workspace, never without an admin: either the installation admin
 * who creates it in the browser, or the first admin the API names, invited in one transaction
 * with the workspace.
 */
@Service
public class WorkspaceCreation {

    /** The new workspace and how its first admin gets in. */
    public record Created(Workspace workspace, UserInvitation admin) {}

    private final Workspaces workspaces;
    private final Users users;

    WorkspaceCreation(Workspaces workspaces, Users users) {
        this.workspaces = workspaces;
        this.users = users;
    }

    /** The creator becomes the workspace's admin, under the name they go by where they are now. */
    @Transactional
    public Workspace createFor(
            UserId creator, String creatorName, Department department, String name, Locale locale, ZoneId zone) {
        var workspace = workspaces.create(name, locale, zone);
        users.addMember(workspace.id(), creator, creatorName, Role.ADMIN, department);
        return workspace;
    }

    /** The named admin is invited, and joins by following the link (see {@link Users#invite}). */
    @Transactional
    public Created createWithAdmin(String name, Locale locale, ZoneId zone, NewUser admin) {
        var workspace = workspaces.create(name, locale, zone);
        var invitation = users.invite(
                workspace.id(), new NewUser(admin.email(), admin.displayName(), Role.ADMIN, admin.department()));
        return new Created(workspace, invitation);
    }
}
