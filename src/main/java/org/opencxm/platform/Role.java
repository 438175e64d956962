package org.opencxm.platform;

/**
 * What a user or management token may do. Endpoints name the roles they admit with
 * {@code @Secured}, using the authority constants below.
 */
public enum Role {
    ADMIN,
    CX_MANAGER,
    AGENT,
    MARKETING,
    VIEWER;

    public static final String ADMIN_AUTHORITY = "ROLE_ADMIN";
    public static final String CX_MANAGER_AUTHORITY = "ROLE_CX_MANAGER";
    public static final String AGENT_AUTHORITY = "ROLE_AGENT";
    public static final String MARKETING_AUTHORITY = "ROLE_MARKETING";
    public static final String VIEWER_AUTHORITY = "ROLE_VIEWER";

    /**
     * Not a role in a workspace but over the installation: creating, renaming and archiving
     * workspaces. Held besides the role in the current workspace, by the first admin.
     */
    public static final String INSTALLATION_ADMIN_AUTHORITY = "ROLE_INSTALLATION_ADMIN";

    public String authority() {
        return "ROLE_" + name();
    }

    public String messageKey() {
        return "role." + name();
    }
}
