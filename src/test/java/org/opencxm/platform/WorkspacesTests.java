package org.opencxm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.NewApiKey;
import org.opencxm.platform.internal.NewUser;
import org.opencxm.platform.internal.Users;
import org.opencxm.testing.ApiClient;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.CollectionClient;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Several workspaces on one installation, over real HTTP: an installation admin creates and
 * archives them, a person works in several with a role in each and switches in the top bar,
 * and every page and key acts in exactly one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WorkspacesTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Users users;

    @Autowired
    Workspaces workspaces;

    @Autowired
    ApiKeyManagement apiKeys;

    Tenant home;
    BrowserlessSession installationAdmin;

    @BeforeEach
    void setUp() {
        home = TenantFixture.from(context).tenant("home");
        users.makeInstallationAdmin(home.user(Role.ADMIN).id());
        installationAdmin = new BrowserlessSession("http://localhost:" + port, "de");
        assertThat(installationAdmin.signIn(home.email(Role.ADMIN), Tenant.PASSWORD))
                .isEqualTo("/");
    }

    @Test
    void anInstallationAdminCreatesAWorkspaceBecomesItsAdminAndSwitchesBetweenThem() {
        installationAdmin.get("/installation/workspaces");
        var name = "Filiale Graz " + UUID.randomUUID().toString().substring(0, 6);
        var created = installationAdmin.post(
                "/installation/workspaces", Map.of("name", name, "defaultLocale", "de", "timeZone", "Europe/Vienna"));
        assertThat(created.statusCode()).isEqualTo(302);
        var workspace = workspaces.all().stream()
                .filter(w -> w.name().equals(name))
                .findFirst()
                .orElseThrow();

        var home = installationAdmin.get("/");
        assertThat(home.body()).contains(name).contains("Arbeitsbereich wechseln");
        assertThat(installationAdmin
                        .post("/workspaces/" + workspace.id() + "/enter", Map.of())
                        .statusCode())
                .isEqualTo(302);

        var users = installationAdmin.get("/settings/users").body();
        assertThat(users).contains(this.home.email(Role.ADMIN)).doesNotContain(this.home.email(Role.AGENT));
        assertThat(this.users
                        .get(workspace.id(), this.home.user(Role.ADMIN).id())
                        .role())
                .isEqualTo(Role.ADMIN);

        var again = new BrowserlessSession("http://localhost:" + port, "de");
        again.signIn(this.home.email(Role.ADMIN), Tenant.PASSWORD);
        assertThat(again.get("/settings/workspace").body())
                .as("sign-in returns to the workspace used last")
                .contains("value=\"" + name + "\"");
    }

    @Test
    void aPersonHasTheirRoleOfTheWorkspaceTheyAreIn() {
        var other = TenantFixture.from(context).tenant("other");
        var agent = home.user(Role.AGENT);
        var invitation =
                users.invite(other.id(), new NewUser(agent.email(), "Agent elsewhere", Role.VIEWER, Department.SALES));
        var session = new BrowserlessSession("http://localhost:" + port, "de");
        session.signIn(agent.email(), Tenant.PASSWORD);

        assertThat(session.get("/customers").statusCode())
                .as("an agent at home")
                .isEqualTo(200);
        session.get("/");
        assertThat(session.post("/workspaces/" + other.id() + "/enter", Map.of())
                        .statusCode())
                .as("not before accepting the invitation")
                .isEqualTo(404);
        assertThat(session.get(invitation.path()).body())
                .contains(other.workspace().name())
                .contains("Arbeitsbereich beitreten");
        assertThat(session.post(invitation.path() + "/join", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(session.get("/customers").statusCode()).as("a viewer there").isEqualTo(403);
        session.get("/");
        assertThat(session.post("/workspaces/" + home.id() + "/enter", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(session.get("/customers").statusCode())
                .as("an agent at home again")
                .isEqualTo(200);
        session.get("/");
        assertThat(session.post("/workspaces/" + other.id() + "/enter", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(session.get("/").body())
                .contains("Agent elsewhere")
                .contains(other.workspace().name());
    }

    @Test
    void nobodyEntersAWorkspaceTheyDoNotBelongTo() {
        var stranger = TenantFixture.from(context).tenant("stranger");
        installationAdmin.get("/");

        var response = installationAdmin.post("/workspaces/" + stranger.id() + "/enter", Map.of());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(installationAdmin.get("/settings/workspace").body())
                .contains(home.workspace().name());
    }

    @Test
    void anArchivedWorkspaceShutsItsDoorsUntilRestored() {
        var archived = TenantFixture.from(context).tenant("archived");
        var writeKey = apiKeys.create(archived.id(), new NewApiKey(ApiKeyKind.WRITE, "site", null, null), null)
                .token();
        var admin = ApiClient.bearer(port, archived.token(Role.ADMIN));
        assertThat(admin.get("/api/v1/workspace").status()).isEqualTo(200);
        installationAdmin.get("/installation/workspaces/" + archived.id());

        assertThat(installationAdmin
                        .post("/installation/workspaces/" + archived.id() + "/archive", Map.of())
                        .statusCode())
                .isEqualTo(302);

        assertThat(admin.get("/api/v1/workspace").status()).as("its tokens").isEqualTo(401);
        assertThat(new CollectionClient(port, writeKey)
                        .post("/v1/track", "{\"userId\": \"u\", \"event\": \"E\"}")
                        .status())
                .as("its write keys")
                .isEqualTo(401);
        assertThat(new BrowserlessSession("http://localhost:" + port, "de")
                        .signIn(archived.email(Role.AGENT), Tenant.PASSWORD))
                .as("its people, who work nowhere else")
                .isEqualTo("/login?error");
        assertThat(installationAdmin.get("/installation/workspaces").body()).contains("archiviert");

        installationAdmin.get("/installation/workspaces/" + archived.id());
        installationAdmin.post("/installation/workspaces/" + archived.id() + "/restore", Map.of());
        assertThat(admin.get("/api/v1/workspace").status()).isEqualTo(200);
        assertThat(new BrowserlessSession("http://localhost:" + port, "de")
                        .signIn(archived.email(Role.AGENT), Tenant.PASSWORD))
                .isEqualTo("/");
    }

    @Test
    void theWorkspaceOneIsInCannotBeArchived() {
        installationAdmin.get("/installation/workspaces/" + home.id());

        var refused = installationAdmin.post("/installation/workspaces/" + home.id() + "/archive", Map.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Wechseln Sie zuerst in einen anderen");
        assertThat(workspaces.get(home.id()).archived()).isFalse();
    }

    @Test
    void anInstallationTokenCreatesAWorkspaceWithItsFirstAdminAndOthersMayNot() {
        var token = apiKeys.createInstallationToken(
                        home.id(), "agency automation", home.user(Role.ADMIN).id())
                .token();
        var api = ApiClient.bearer(port, token);
        var email = "first.admin." + UUID.randomUUID() + "@example.test";
        var body =
                "{\"settings\": {\"name\": \"Marke Nord\", \"defaultLocale\": \"de\", \"timeZone\": \"Europe/Berlin\"},"
                        + " \"admin\": {\"email\": \"" + email
                        + "\", \"displayName\": \"Nora Nord\", \"role\": \"VIEWER\","
                        + " \"department\": \"MARKETING\"}}";

        var created = api.post("/api/v1/workspaces", body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/admin/role").asString()).isEqualTo("ADMIN");
        assertThat(created.json().at("/invitationUrl").asString()).contains("/invitation/inv_");
        assertThat(ApiClient.bearer(port, home.token(Role.ADMIN))
                        .post("/api/v1/workspaces", body)
                        .status())
                .as("a workspace admin's token")
                .isEqualTo(403);
        var id = created.json().at("/workspace/id").asString();
        assertThat(api.post("/api/v1/workspaces/" + id + "/archive", "").json().has("archivedAt"))
                .isTrue();
        assertThat(workspaces.get(new WorkspaceId(UUID.fromString(id))).archived())
                .isTrue();
        assertThat(api.post("/api/v1/workspaces/" + home.id() + "/archive", "").status())
                .as("not the token's own workspace")
                .isEqualTo(400);
        assertThat(workspaces.get(home.id()).archived()).isFalse();
    }

    @Test
    void onlyAnInstallationAdminMakesAnInstallationTokenOnTheKeysPage() {
        installationAdmin.get("/settings/api-keys");
        var made = installationAdmin.post(
                "/settings/api-keys",
                Map.of("kind", "MANAGEMENT", "name", "automation", "role", "ADMIN", "installation", "true"));
        var token = made.body().replaceAll("(?s).*id=\"created-token\">([^<]+)<.*", "$1");
        assertThat(ApiClient.bearer(port, token).get("/api/v1/workspaces").status())
                .isEqualTo(200);

        var other = TenantFixture.from(context).tenant("plain");
        var plainAdmin = new BrowserlessSession("http://localhost:" + port, "de");
        plainAdmin.signIn(other.email(Role.ADMIN), Tenant.PASSWORD);
        plainAdmin.get("/settings/api-keys");
        var refused = plainAdmin.post(
                "/settings/api-keys",
                Map.of("kind", "MANAGEMENT", "name", "sneaky", "role", "ADMIN", "installation", "true"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Nur ein Installations-Admin");
        assertThat(apiKeys.list(other.id())).noneMatch(key -> key.name().equals("sneaky"));
    }
}
