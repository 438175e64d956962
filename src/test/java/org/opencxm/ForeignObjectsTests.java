package org.opencxm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencxm.platform.Role;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.Endpoints;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.opencxm.testing.TenantFixture.TwoTenants;
import org.opencxm.testing.WorkspaceObjects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint that names an object in its path, found by asking Spring MVC, is called by
 * workspace A's admin with workspace B's objects: reading answers 404 (a list of a foreign
 * survey's invitations is not an empty list, it does not exist), changing answers 400 or 404,
 * and B's data is neither shown nor touched.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForeignObjectsTests {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    TwoTenants tenants;
    WorkspaceObjects foreign;
    BrowserlessSession admin;

    @BeforeAll
    void createTwoWorkspaces() {
        tenants = TenantFixture.from(context).two();
        foreign = WorkspaceObjects.of(context, tenants.b(), port);
        WorkspaceObjects.of(context, tenants.a(), port);
        admin = new BrowserlessSession("http://localhost:" + port, "en");
        assertThat(admin.signIn(tenants.a().email(Role.ADMIN), Tenant.PASSWORD)).isEqualTo("/");
        admin.get("/");
    }

    @Test
    void anotherWorkspacesObjectsDoNotExist() {
        var before = workspaceBRows();
        var failures = new ArrayList<String>();
        int calls = 0;
        for (var endpoint : Endpoints.of(mappings)) {
            if (endpoint.isPublic()
                    || !WorkspaceObjects.hasVariables(endpoint.path())
                    || endpoint.path().startsWith("/installation/")
                    || endpoint.path().startsWith("/api/v1/workspaces/")) {
                // public pages take keys and tokens, not ids; workspaces are the installation's, not a workspace's
                continue;
            }
            var path = foreign.path(endpoint.path());
            var response = call(endpoint, path);
            calls++;
            int status = response.statusCode();
            var expected = endpoint.method() == RequestMethod.GET ? "404" : "400 or 404";
            if (endpoint.method() == RequestMethod.GET ? status != 404 : status != 404 && status != 400) {
                failures.add(endpoint + " answered " + status + ", not " + expected);
            }
            // the problem's "instance" repeats the path asked for; anything beyond it would be B's data
            var shown = response.body().replace(path, "");
            for (var id : foreign.ids()) {
                if (id.length() >= 20 && shown.contains(id)) {
                    failures.add(endpoint + " shows " + id);
                }
            }
        }
        assertThat(calls).isGreaterThan(30);
        assertThat(failures).isEmpty();
        assertThat(workspaceBRows()).isEqualTo(before);
    }

    private java.net.http.HttpResponse<String> call(Endpoints.Endpoint endpoint, String path) {
        var headers = new LinkedHashMap<String, String>();
        byte[] body = new byte[0];
        if (endpoint.path().startsWith("/api/")) {
            headers.put("Authorization", "Bearer " + tenants.a().token(Role.ADMIN));
            headers.put("Accept", "application/json");
            if (endpoint.method() != RequestMethod.GET) {
                headers.put("Content-Type", "application/json");
                body = "{}".getBytes(StandardCharsets.UTF_8);
            }
        }
        return admin.send(endpoint.method().name(), path, Map.copyOf(headers), body);
    }

    /** Rows that belong to workspace B, in every table that says whose rows are. */
    private Map<String, Long> workspaceBRows() {
        var tables = jdbc.sql("select table_name from information_schema.columns"
                        + " where table_schema = 'public' and column_name = 'workspace_id' order by table_name")
                .query(String.class)
                .list();
        var counts = new LinkedHashMap<String, Long>();
        for (var table : tables) {
            counts.put(
                    table,
                    jdbc.sql("select count(*) from \"" + table + "\" where workspace_id = ?")
                            .param(tenants.b().id().value())
                            .query(Long.class)
                            .single());
        }
        return counts;
    }
}
