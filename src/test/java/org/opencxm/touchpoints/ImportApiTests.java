package org.opencxm.touchpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.platform.Role;
import org.opencxm.testing.ApiClient;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import API as a nightly job would use it, over real HTTP with a management token: post
 * the file with its mapping, poll the status, fetch the report. Orders of any date since 1970
 * count; a refused file or mapping leaves nothing behind.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ImportApiTests {

    static final String ORDERS = "Kundennummer;Bestellnummer;Datum;Umsatz\n"
            + "K-1;B-1;01.03.1975;1.234,50\n"
            + "K-1;B-2;31.12.1999;20,00\n"
            + "K-2;B-3;15.11.2026;99,90\n"
            + "K-3;B-4;31.11.2026;5,00\n";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    Tenant tenant;
    ApiClient manager;

    @BeforeEach
    void setUp() {
        tenant = TenantFixture.from(context).tenant("import-api");
        manager = ApiClient.bearer(port, tenant.token(Role.CX_MANAGER));
    }

    @Test
    void aNightlyJobImportsOrdersOfAnyDateAndReadsTheReport() {
        var created = manager.postFile(
                "/api/v1/imports",
                Map.of(
                        "kind",
                        "ORDERS",
                        "mapping",
                        "{\"customerId\": \"Kundennummer\", \"orderId\": \"Bestellnummer\", \"date\": \"Datum\","
                                + " \"revenue\": \"Umsatz\"}"),
                "orders.csv",
                ORDERS.getBytes(StandardCharsets.UTF_8));

        assertThat(created.status()).isEqualTo(202);
        var location = created.raw().headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> manager.get(location).json().get("status").asString(), "DONE"::equals);
        var job = manager.get(location).json();
        assertThat(job.get("importedRows").asLong()).isEqualTo(3);
        assertThat(job.get("skippedRows").asLong()).isEqualTo(1);
        assertThat(manager.get(location + "/errors").json().get(0).get("row").asLong())
                .isEqualTo(5);
        assertThat(manager.get(location + "/errors.csv").body()).contains("\"5\",\"Datum\",\"date\"");
        assertThat(jdbc.sql("select count(*) from event where workspace_id = ? and name = 'Order Completed'"
                                + " and occurred_at < '2000-01-01'")
                        .param(tenant.id().value())
                        .query(Long.class)
                        .single())
                .as("orders of 1975 and 1999")
                .isEqualTo(2);
    }

    @Test
    void withoutAMappingColumnsNamedLikeTheFieldsAreTaken() {
        var created = manager.postFile(
                "/api/v1/imports",
                Map.of("kind", "CUSTOMERS"),
                "customers.csv",
                "customerId,email\nC-1,c1@example.com\n".getBytes(StandardCharsets.UTF_8));

        assertThat(created.status()).isEqualTo(202);
        assertThat(created.json().get("kind").asString()).isEqualTo("CUSTOMERS");
    }

    @Test
    void aRefusedMappingOrFileLeavesNothingBehindAndOthersMayNotImport() {
        var unknownColumn = manager.postFile(
                "/api/v1/imports",
                Map.of("kind", "ORDERS", "map.customerId", "Nope"),
                "orders.csv",
                ORDERS.getBytes(StandardCharsets.UTF_8));
        var badJson = manager.postFile(
                "/api/v1/imports", Map.of("kind", "ORDERS", "mapping", "{nope"), "orders.csv", ORDERS.getBytes());
        var broken = manager.postFile(
                "/api/v1/imports", Map.of("kind", "CUSTOMERS"), "broken.csv", "a,b\n\"1,2\n".getBytes());
        var foreignTouchpoint = manager.postFile(
                "/api/v1/imports",
                Map.of(
                        "kind",
                        "CUSTOMERS",
                        "touchpoint",
                        java.util.UUID.randomUUID().toString()),
                "c.csv",
                "customerId\nC-1\n".getBytes());
        var agent = ApiClient.bearer(port, tenant.token(Role.AGENT))
                .postFile("/api/v1/imports", Map.of("kind", "CUSTOMERS"), "c.csv", "customerId\nC-1\n".getBytes());

        assertThat(unknownColumn.status()).isEqualTo(400);
        assertThat(unknownColumn.body()).contains("\"field\":\"customerId\"");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(foreignTouchpoint.status()).isEqualTo(400);
        assertThat(foreignTouchpoint.body()).contains("\"field\":\"touchpoint\"");
        assertThat(agent.status()).isEqualTo(403);
        assertThat(manager.get("/api/v1/imports").json()).isEmpty();
    }
}
