package org.opencxm.platform.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.opencxm.platform.DemoWorkspaceCreated;
import org.opencxm.platform.Department;
import org.opencxm.platform.Language;
import org.opencxm.platform.Role;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.Workspaces;
import org.opencxm.platform.common.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On an empty database: creates the first workspace and its admin, who is the installation
 * admin; in demo mode also a demo workspace beside it, labelled as such, with the admin and one
 * user per role, where the admin lands at first sign-in. Passwords that were not configured
 * are generated and printed this once; they are stored only as hashes. Nodes starting together
 * take turns through an advisory lock.
 */
@Component
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    private static final String DEMO_NAME = "Demo GmbH";
    private final WorkspaceStore store;
    private final Workspaces workspaces;
    private final Users users;
    private final AccountStore accounts;
    private final BootstrapProperties bootstrap;
    private final DemoProperties demo;
    private final ApplicationEventPublisher events;

    FirstStart(
            WorkspaceStore store,
            Workspaces workspaces,
            Users users,
            AccountStore accounts,
            BootstrapProperties bootstrap,
            DemoProperties demo,
            ApplicationEventPublisher events) {
        this.store = store;
        this.workspaces = workspaces;
        this.users = users;
        this.accounts = accounts;
        this.bootstrap = bootstrap;
        this.demo = demo;
        this.events = events;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        store.lockFirstStart();
        if (!store.none()) {
            return;
        }
        var name = bootstrap.workspaceName();
        var workspace = workspaces.create(name, Language.DE.locale(), ZoneId.of("Europe/Berlin"));
        var logins = new ArrayList<String>();
        var adminPassword = orRandom(bootstrap.adminPassword());
        var admin = users.create(
                workspace.id(),
                new NewUser(bootstrap.adminEmail(), "Admin", Role.ADMIN, Department.MANAGEMENT),
                adminPassword);
        users.makeInstallationAdmin(admin.id());
        logins.add(line(bootstrap.adminEmail(), Role.ADMIN, adminPassword, bootstrap.adminPassword()));
        if (demo.enabled()) {
            var demoWorkspace = workspaces.createDemo(DEMO_NAME, Language.DE.locale(), ZoneId.of("Europe/Berlin"));
            users.addMember(demoWorkspace.id(), admin.id(), "Admin", Role.ADMIN, Department.MANAGEMENT);
            accounts.rememberWorkspace(admin.id(), demoWorkspace.id());
            logins.addAll(createDemoUsers(demoWorkspace.id()));
            events.publishEvent(new DemoWorkspaceCreated(demoWorkspace.id()));
        }
        log.info(
                "First start: created workspace '{}'{}. Sign in with (passwords are shown only this once):\n{}",
                name,
                demo.enabled() ? " and the demo workspace '" + DEMO_NAME + "'" : "",
                String.join("\n", logins));
    }

    private List<String> createDemoUsers(WorkspaceId workspace) {
        record DemoUser(String email, String name, Role role, Department department) {}
        var demoUsers = List.of(
                new DemoUser("cx.manager@opencxm.local", "Clara Weber", Role.CX_MANAGER, Department.MANAGEMENT),
                new DemoUser("agent@opencxm.local", "Jonas Becker", Role.AGENT, Department.SERVICE),
                new DemoUser("marketing@opencxm.local", "Lena Fischer", Role.MARKETING, Department.MARKETING),
                new DemoUser("viewer@opencxm.local", "Paul Wagner", Role.VIEWER, Department.MANAGEMENT));
        var logins = new ArrayList<String>();
        for (var user : demoUsers) {
            var password = orRandom(demo.password());
            users.create(workspace, new NewUser(user.email(), user.name(), user.role(), user.department()), password);
            logins.add(line(user.email(), user.role(), password, demo.password()));
        }
        return logins;
    }

    private static String orRandom(String configured) {
        return configured == null || configured.isBlank() ? Secrets.password() : configured;
    }

    private static String line(String email, Role role, String password, String configured) {
        boolean generated = configured == null || configured.isBlank();
        return "  %-28s %-11s %s".formatted(email, role, generated ? password : "(password as configured)");
    }
}
