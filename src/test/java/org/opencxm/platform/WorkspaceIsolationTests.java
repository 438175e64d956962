package org.opencxm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.Users;
import org.opencxm.testing.ApiClient;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.opencxm.testing.TenantFixture.TwoTenants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** An admin of workspace A asking for workspace B's objects gets 404 and no data, by API and page. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WorkspaceIsolationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Users users;

    @Autowired
    ApiKeyManagement apiKeys;

    TwoTenants tenants;

    @BeforeEach
    void setUp() {
        tenants = TenantFixture.from(context).two();
    }

    @Test
    void apiHidesAnotherWorkspacesUsers() {
        var api = ApiClient.bearer(port, tenants.a().token(Role.ADMIN));
        var foreign = tenants.b().user(Role.AGENT);

        var read = api.get("/api/v1/users/" + foreign.id());
        var write = api.put(
                "/api/v1/users/" + foreign.id(),
                "{\"displayName\":\"Taken over\",\"role\":\"ADMIN\",\"department\":\"SALES\",\"enabled\":false}");
        var list = api.get("/api/v1/users?size=200");

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.body()).doesNotContain(foreign.email());
        assertThat(write.status()).isEqualTo(404);
        assertThat(list.body()).doesNotContain(tenants.b().id().toString()).doesNotContain(foreign.email());
        assertThat(users.get(tenants.b().id(), foreign.id())).isEqualTo(foreign);
    }

    @Test
    void apiHidesAnotherWorkspacesKeys() {
        var api = ApiClient.bearer(port, tenants.a().token(Role.ADMIN));
        var foreignKey = apiKeys.list(tenants.b().id()).get(0);

        assertThat(api.get("/api/v1/api-keys/" + foreignKey.id()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/api-keys/" + foreignKey.id() + "/revoke", "")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/api-keys").body())
                .doesNotContain(foreignKey.id().toString());
        assertThat(apiKeys.get(tenants.b().id(), foreignKey.id()).active()).isTrue();
    }

    @Test
    void pagesHideAnotherWorkspacesObjects() {
        var session = BrowserlessSession.on(port);
        session.signIn(tenants.a().email(Role.ADMIN), Tenant.PASSWORD);
        var foreign = tenants.b().user(Role.AGENT);
        var foreignKey = apiKeys.list(tenants.b().id()).get(0);

        var page = session.get("/settings/users/" + foreign.id());
        session.get("/settings/users");
        var edit = session.post(
                "/settings/users/" + foreign.id(),
                Map.of("displayName", "Taken over", "role", "ADMIN", "department", "SALES"));
        session.get("/settings/api-keys");
        var revoke = session.post("/settings/api-keys/" + foreignKey.id() + "/revoke", Map.of());

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain(foreign.email()).contains("Not found");
        assertThat(edit.statusCode()).isEqualTo(404);
        assertThat(revoke.statusCode()).isEqualTo(404);
        assertThat(session.get("/settings/users?q=" + foreign.email()).body())
                .doesNotContain("<td>" + foreign.email() + "</td>")
                .contains("Nothing here yet.");
        assertThat(users.get(tenants.b().id(), foreign.id())).isEqualTo(foreign);
        assertThat(apiKeys.get(tenants.b().id(), foreignKey.id()).active()).isTrue();
    }

    @Test
    void aTokenActsOnlyInItsOwnWorkspace() {
        var me = ApiClient.bearer(port, tenants.b().token(Role.VIEWER)).get("/api/v1/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().at("/workspace/id").asString())
                .isEqualTo(tenants.b().id().toString());
        assertThat(me.json().at("/actor/role").asString()).isEqualTo("VIEWER");
    }
}
