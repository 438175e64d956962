package org.opencxm.touchpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.customers.Customers;
import org.opencxm.platform.Role;
import org.opencxm.platform.common.Paging;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.opencxm.touchpoints.internal.ImportJob;
import org.opencxm.touchpoints.internal.ImportRowError;
import org.opencxm.touchpoints.internal.Imports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** CSV imports as a CX manager does them, over real HTTP: upload, preview, map, import, report. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CsvImportTests {

    static final String ORDERS = "\uFEFFKundennummer;Bestellnummer;Datum;Umsatz;Marge;Retoure;=HYPERLINK(\"x\")\n"
            + "K-1;B-100;01.03.2026;1.234,50;300,10;nein;a\n"
            + "K-2;B-101;2026-03-02;99.90;;ja;b\n"
            + "K-3;B-102;gestern;10,00;;;c\n"
            + ";B-103;03.03.2026;5;;;d\n"
            + "K-1;B-104;04.03.2026;zehn;;;e\n"
            + "K-4;B-105;31.11.2026;10,00;;;f\n";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Imports imports;

    @Autowired
    Customers customers;

    @Autowired
    JdbcClient jdbc;

    Tenant tenant;
    BrowserlessSession manager;

    @BeforeEach
    void setUp() {
        tenant = TenantFixture.from(context).tenant("import");
        manager = new BrowserlessSession("http://localhost:" + port, "de");
        manager.signIn(tenant.email(Role.CX_MANAGER), Tenant.PASSWORD);
    }

    @Test
    void importsOrdersSkipsInvalidRowsAndReportsThem() {
        var job = upload("ORDERS", "bestellungen.csv", ORDERS);
        var preview = manager.get("/imports/" + job).body();
        assertThat(preview).contains("Bestellnummer").contains("B-100").contains("<option value=\"Umsatz\" selected");

        var started = manager.post(
                "/imports/" + job + "/start",
                Map.of(
                        "map.customerId",
                        "Kundennummer",
                        "map.orderId",
                        "Bestellnummer",
                        "map.date",
                        "Datum",
                        "map.revenue",
                        "Umsatz",
                        "map.margin",
                        "Marge",
                        "map.returned",
                        "Retoure"));
        assertThat(started.statusCode()).isEqualTo(302);

        var done = awaitDone(job);
        assertThat(done.totalRows()).isEqualTo(6);
        assertThat(done.importedRows()).isEqualTo(2);
        assertThat(done.skippedRows()).as("a 31st of November does not exist").isEqualTo(4);
        assertThat(imports.errors(tenant.id(), job, 10))
                .containsExactly(
                        new ImportRowError(4, "Datum", "date"),
                        new ImportRowError(5, "Kundennummer", "required"),
                        new ImportRowError(6, "Umsatz", "number"),
                        new ImportRowError(7, "Datum", "date"));
        assertThat(jdbc.sql(
                                "select properties->>'revenue' from event where workspace_id = ? and message_id = 'import:order:B-100'")
                        .param(tenant.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("1234.50");
        assertThat(count("name = 'Product Returned'")).isEqualTo(1);
        assertThat(manager.get("/imports/" + job).body()).contains("kein Datum").contains("Wert fehlt");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(customers
                                .list(tenant.id(), Paging.first(), null)
                                .total())
                        .isEqualTo(2));
    }

    @Test
    void theSameFileTwiceCreatesNoDuplicates() {
        for (int i = 0; i < 2; i++) {
            var job = upload("ORDERS", "again.csv", ORDERS);
            imports.start(
                    tenant.id(),
                    job,
                    Map.of(
                            "customerId",
                            "Kundennummer",
                            "orderId",
                            "Bestellnummer",
                            "date",
                            "Datum",
                            "revenue",
                            "Umsatz",
                            "returned",
                            "Retoure"),
                    null);
            awaitDone(job);
        }

        assertThat(count("name = 'Order Completed'")).isEqualTo(2);
        assertThat(count("name = 'Product Returned'")).isEqualTo(1);
    }

    @Test
    void importsCustomersAsProfiles() {
        var csv = "customer_id,email,first_name,last_name,city\n"
                + "C-1,ines@example.com,Ines,Wolf,Graz\n"
                + "C-2,not-an-email,Otto,Berg,Linz\n";
        var job = upload("CUSTOMERS", "kunden.csv", csv);
        imports.start(tenant.id(), job, imports.preview(tenant.id(), job).suggested(), null);

        assertThat(awaitDone(job).skippedRows()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(customers
                                .list(tenant.id(), Paging.first(), "ines@example.com")
                                .items())
                        .singleElement()
                        .satisfies(c -> assertThat(c.displayName()).isEqualTo("Ines Wolf")));
    }

    @Test
    void aMissingRequiredColumnIsABadRequestAndNothingStarts() {
        var job = upload("ORDERS", "orders.csv", ORDERS);
        manager.get("/imports/" + job);

        var response = manager.post("/imports/" + job + "/start", Map.of("map.customerId", "Kundennummer"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Eine Spalte muss gewählt werden.");
        assertThat(imports.get(tenant.id(), job).status()).isEqualTo(ImportJob.Status.UPLOADED);
    }

    @Test
    void theErrorReportIsSafeToOpenInASpreadsheet() {
        var csv = "=cmd|' /C calc'!A0,Bestellnummer,Datum,Umsatz\n,B-1,2026-01-01,5\n";
        var job = upload("ORDERS", "evil.csv", csv);
        imports.start(
                tenant.id(),
                job,
                Map.of(
                        "customerId",
                        "=cmd|' /C calc'!A0",
                        "orderId",
                        "Bestellnummer",
                        "date",
                        "Datum",
                        "revenue",
                        "Umsatz"),
                null);
        awaitDone(job);

        var report = manager.get("/imports/" + job + "/errors.csv").body();

        assertThat(report).contains("'=cmd").doesNotContain(",=cmd");
    }

    @Test
    void anUnclosedQuoteIsRefusedAtUploadNamingTheRow() {
        var csv = "customer_id,email\nC-1,a@example.com\n\"C-2,b@example.com\nC-3,c@example.com\n";

        var response = postUpload("CUSTOMERS", "broken.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("ab Zeile 3 als CSV nicht lesbar");
        assertThat(imports.list(tenant.id())).isEmpty();
    }

    @Test
    void aWindows1252FileFromExcelIsDetectedAndImportedWithItsUmlauts() {
        var csv = new StringBuilder("Kundennummer;E-Mail;Ort\n");
        for (int i = 1; i < 2_000; i++) {
            csv.append("K-").append(i).append(";k").append(i).append("@example.com;Graz\n");
        }
        csv.append("K-2000;k2000@example.com;München\n");
        var job = upload(
                "CUSTOMERS", "excel.csv", csv.toString().getBytes(java.nio.charset.Charset.forName("windows-1252")));

        assertThat(manager.get("/imports/" + job).body()).contains("als Windows-1252 gelesen");
        imports.start(tenant.id(), job, Map.of("customerId", "Kundennummer", "email", "E-Mail", "city", "Ort"), null);

        var done = awaitDone(job);
        assertThat(done.importedRows()).isEqualTo(2_000);
        assertThat(jdbc.sql("select traits->>'city' from event where workspace_id = ? and user_id = 'K-2000'")
                        .param(tenant.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("München");
    }

    @Test
    void rowsWithANulTooLongValuesOrMoreThan32KbAreSkippedAndTheRestImported() {
        var big = "x".repeat(9_000);
        var csv = "customer_id,email,first_name,last_name,name,city\n"
                + "C-1,a@example.com,Ann,Berg,,Graz\n"
                + "C-\u00002,b@example.com,Bo,,,\n"
                + "C-" + "3".repeat(300) + ",c@example.com,,,,\n"
                + "C-4,d@example.com," + big + "," + big + "," + big + "," + big + "\n"
                + "C-5,e@example.com,Eva,,,\n";
        var job = upload("CUSTOMERS", "mixed.csv", csv.getBytes(StandardCharsets.UTF_8));
        imports.start(tenant.id(), job, imports.preview(tenant.id(), job).suggested(), null);

        var done = awaitDone(job);
        assertThat(done.importedRows()).isEqualTo(2);
        assertThat(imports.errors(tenant.id(), job, 10))
                .containsExactly(
                        new ImportRowError(3, "customer_id", "nul"),
                        new ImportRowError(4, "customer_id", "tooLong"),
                        new ImportRowError(5, "", "tooLarge"));
        assertThat(manager.get("/imports/" + job).body()).contains("enthält ein NUL-Zeichen");
    }

    @Test
    void aHeaderOfTooManyColumnsIsRefusedBeforeAnyPreviewIsBuilt() {
        var columns = new StringBuilder("customer_id");
        for (int i = 0; i < 300; i++) {
            columns.append(",c").append(i);
        }
        var tooMany = postUpload("CUSTOMERS", "wide.csv", (columns + "\nC-1\n").getBytes(StandardCharsets.UTF_8));
        var endless =
                postUpload("CUSTOMERS", "endless.csv", ("a," + "b".repeat(100_000)).getBytes(StandardCharsets.UTF_8));

        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("mehr als 200 Spalten");
        assertThat(endless.statusCode()).isEqualTo(400);
        assertThat(endless.body()).contains("länger als 64 KB");
        assertThat(imports.list(tenant.id())).isEmpty();
    }

    @Test
    void viewersAndAgentsCannotImport() {
        var agent = BrowserlessSession.on(port);
        agent.signIn(tenant.email(Role.AGENT), Tenant.PASSWORD);
        assertThat(agent.get("/imports").statusCode()).isEqualTo(403);
    }

    private UUID upload(String kind, String name, String content) {
        return upload(kind, name, content.getBytes(StandardCharsets.UTF_8));
    }

    private UUID upload(String kind, String name, byte[] content) {
        var response = postUpload(kind, name, content);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        var location = response.headers().firstValue("Location").orElseThrow();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private java.net.http.HttpResponse<String> postUpload(String kind, String name, byte[] content) {
        manager.get("/imports");
        return manager.postFile("/imports", Map.of("kind", kind), "file", name, content);
    }

    private ImportJob awaitDone(UUID job) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> imports.get(tenant.id(), job), j -> j.status() == ImportJob.Status.DONE);
    }

    private long count(String condition) {
        return jdbc.sql("select count(*) from event where workspace_id = ? and " + condition)
                .param(tenant.id().value())
                .query(Long.class)
                .single();
    }
}
