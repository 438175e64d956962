package org.opencxm.testing;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.UUID;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.Department;
import org.opencxm.platform.Role;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.NewApiKey;
import org.opencxm.platform.internal.NewUser;
import org.opencxm.platform.internal.UserAccount;
import org.opencxm.platform.internal.Users;
import org.opencxm.platform.internal.WorkspaceCreation;
import org.springframework.context.ApplicationContext;

/**
 * Makes workspaces for tests: every module's authorization and isolation tests start from two
 * of them, A and B, each with one user (password {@link Tenant#PASSWORD}) and one management
 * token per role. Names are unique, so tests sharing a database never see each other's data.
 */
public final class TenantFixture {

    private final WorkspaceCreation workspaces;
    private final Users users;
    private final ApiKeyManagement apiKeys;

    private TenantFixture(WorkspaceCreation workspaces, Users users, ApiKeyManagement apiKeys) {
        this.workspaces = workspaces;
        this.users = users;
        this.apiKeys = apiKeys;
    }

    public static TenantFixture from(ApplicationContext context) {
        return new TenantFixture(
                context.getBean(WorkspaceCreation.class),
                context.getBean(Users.class),
                context.getBean(ApiKeyManagement.class));
    }

    public TwoTenants two() {
        return new TwoTenants(tenant("A"), tenant("B"));
    }

    public Tenant tenant(String label) {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var accounts = new EnumMap<Role, UserAccount>(Role.class);
        var tokens = new EnumMap<Role, String>(Role.class);
        // As an installation admin creates a workspace by the API: with its first admin, who accepts the invitation
        var created = workspaces.createWithAdmin(
                "Workspace " + label + " " + suffix,
                Locale.ENGLISH,
                ZoneId.of("Europe/Berlin"),
                new NewUser(email(Role.ADMIN, label, suffix), name(Role.ADMIN, label), Role.ADMIN, Department.SERVICE));
        var workspace = created.workspace();
        accounts.put(Role.ADMIN, users.acceptInvitation(created.admin().token(), Tenant.PASSWORD));
        for (var role : Role.values()) {
            if (role != Role.ADMIN) {
                accounts.put(
                        role,
                        users.create(
                                workspace.id(),
                                new NewUser(email(role, label, suffix), name(role, label), role, Department.SERVICE),
                                Tenant.PASSWORD));
            }
            var token = apiKeys.create(
                    workspace.id(),
                    new NewApiKey(ApiKeyKind.MANAGEMENT, name(role, label) + " token", role, null),
                    null);
            tokens.put(role, token.token());
        }
        return new Tenant(workspace, accounts, tokens);
    }

    private static String email(Role role, String label, String suffix) {
        return role.name().toLowerCase(Locale.ROOT) + "." + suffix + "@" + label.toLowerCase(Locale.ROOT) + ".test";
    }

    private static String name(Role role, String label) {
        return label + " " + role.name().toLowerCase(Locale.ROOT);
    }

    /** Workspace A, whose users act in the tests, and workspace B, whose data they must never reach. */
    public record TwoTenants(Tenant a, Tenant b) {}
}
