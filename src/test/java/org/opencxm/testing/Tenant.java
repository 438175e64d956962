package org.opencxm.testing;

import java.util.Map;
import org.opencxm.platform.Role;
import org.opencxm.platform.Workspace;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.internal.UserAccount;

/** A workspace made for a test, with one user and one management token per role. */
public record Tenant(Workspace workspace, Map<Role, UserAccount> users, Map<Role, String> tokens) {

    public static final String PASSWORD = "correct horse battery staple";

    public WorkspaceId id() {
        return workspace.id();
    }

    public UserAccount user(Role role) {
        return users.get(role);
    }

    public String email(Role role) {
        return users.get(role).email();
    }

    public String token(Role role) {
        return tokens.get(role);
    }
}
