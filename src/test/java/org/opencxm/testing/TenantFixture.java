package org.opencxm.testing;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.UUID;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.Department;
import org.opencxm.platform.Role;
import org.opencxm.platform.Workspaces;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.NewApiKey;
import org.opencxm.platform.internal.NewUser;
import org.opencxm.platform.internal.UserAccount;
import org.opencxm.platform.internal.Users;
import org.springframework.context.ApplicationContext;

/**
 * Makes workspaces for tests: every module's authorization and isolation tests start from two
 * of them, A and B, each with one user (password {@link Tenant#PASSWORD}) and one management
 * token per role. Names are unique, so tests sharing a database never see each other's data.
 */
public final class TenantFixture {

    private final Workspaces workspaces;
    private final Users users;
    private final ApiKeyManagement apiKeys;

    private TenantFixture(Workspaces workspaces, Users users, ApiKeyManagement apiKeys) {
        this.workspaces = workspaces;
        this.users = users;
        this.apiKeys = apiKeys;
    }

    public static TenantFixture from(ApplicationContext context) {
        return new TenantFixture(
                context.getBean(Workspaces.class),
                context.getBean(Users.class),
                context.getBean(ApiKeyManagement.class));
    }

    public TwoTenants two() {
        return new TwoTenants(tenant("A"), tenant("B"));
    }

    public Tenant tenant(String label) {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var workspace =
                workspaces.create("Workspace " + label + " " + suffix, Locale.ENGLISH, ZoneId.of("Europe/Berlin"));
        var accounts = new EnumMap<Role, UserAccount>(Role.class);
        var tokens = new EnumMap<Role, String>(Role.class);
        for (var role : Role.values()) {
            var email = role.name().toLowerCase(Locale.ROOT) + "." + suffix + "@" + label.toLowerCase(Locale.ROOT)
                    + ".test";
            var name = label + " " + role.name().toLowerCase(Locale.ROOT);
            accounts.put(
                    role,
                    users.create(workspace.id(), new NewUser(email, name, role, Department.SERVICE), Tenant.PASSWORD));
            var token = apiKeys.create(
                    workspace.id(), new NewApiKey(ApiKeyKind.MANAGEMENT, name + " token", role, null), null);
            tokens.put(role, token.token());
        }
        return new Tenant(workspace, accounts, tokens);
    }

    /** Workspace A, whose users act in the tests, and workspace B, whose data they must never reach. */
    public record TwoTenants(Tenant a, Tenant b) {}
}
