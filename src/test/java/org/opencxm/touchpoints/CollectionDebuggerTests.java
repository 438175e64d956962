package org.opencxm.touchpoints;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.Role;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.NewApiKey;
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
 * The event debugger over real HTTP: an admin sees what arrived and what was turned away, with
 * the reason per field in their language, for one key or all; nobody else, and nothing of
 * another workspace.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CollectionDebuggerTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiKeyManagement apiKeys;

    Tenant tenant;
    String shopKeyId;

    @BeforeEach
    void setUp() {
        tenant = TenantFixture.from(context).tenant("debugger");
        var shop = apiKeys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "Webshop", null, null), null);
        var app = apiKeys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "App", null, null), null);
        shopKeyId = shop.key().id().toString();
        new CollectionClient(port, shop.token()).post("/v1/batch", """
                {"batch": [
                  {"type": "track", "userId": "k-1", "event": "Checkout Started", "messageId": "dbg-ok"},
                  {"type": "track", "userId": "k-1", "messageId": "dbg-no-event", "properties": {"note": "<script>x</script>"}}
                ]}
                """);
        new CollectionClient(port, app.token())
                .post("/v1/track", "{\"event\": \"From The App\", \"anonymousId\": \"a-9\"}");
    }

    @Test
    void anAdminSeesReceivedAndRejectedMessagesWithTheirReasonsInGerman() {
        var admin = new BrowserlessSession("http://localhost:" + port, "de");
        admin.signIn(tenant.email(Role.ADMIN), Tenant.PASSWORD);

        var all = admin.get("/settings/collection").body();
        var shopOnly = admin.get("/settings/collection?writeKey=" + shopKeyId).body();

        assertThat(all)
                .contains("Abgewiesen")
                .contains("batch[1].event")
                .contains("Der Ereignisname ist erforderlich.")
                .contains("dbg-no-event")
                .contains("Checkout Started")
                .contains("From The App")
                .contains("&lt;script&gt;x&lt;/script&gt;")
                .doesNotContain("<script>x</script>");
        assertThat(shopOnly).contains("Checkout Started").doesNotContain("From The App");
    }

    @Test
    void theApiListsTheSameForAdminsOnly() {
        var rejected = ApiClient.bearer(port, tenant.token(Role.ADMIN)).get("/api/v1/collection/rejected");
        var received =
                ApiClient.bearer(port, tenant.token(Role.ADMIN)).get("/api/v1/collection/events?writeKey=" + shopKeyId);
        var agent = ApiClient.bearer(port, tenant.token(Role.AGENT)).get("/api/v1/collection/rejected");
        var other = TenantFixture.from(context).tenant("debugger-other");
        var foreign = ApiClient.bearer(port, other.token(Role.ADMIN)).get("/api/v1/collection/rejected");
        var tooMany = ApiClient.bearer(port, tenant.token(Role.ADMIN)).get("/api/v1/collection/events?limit=100000");

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().get(0).get("messageId").asString()).isEqualTo("dbg-no-event");
        assertThat(rejected.json().get(0).at("/problems/0/field").asString()).isEqualTo("batch[1].event");
        assertThat(received.json()).hasSize(1);
        assertThat(received.json().get(0).get("name").asString()).isEqualTo("Checkout Started");
        assertThat(agent.status()).isEqualTo(403);
        assertThat(foreign.json()).isEmpty();
        assertThat(tooMany.status()).isEqualTo(400);
    }
}
