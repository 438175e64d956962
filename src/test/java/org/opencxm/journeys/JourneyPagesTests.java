package org.opencxm.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.Customers;
import org.opencxm.journeys.internal.RuleBook;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.LifecycleStage;
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
 * The journeys pages and API over real HTTP: the stage in lists and on the 360° page, the rules
 * editor with its preview and German field errors, and who may change the rules.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class JourneyPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiKeyManagement apiKeys;

    @Autowired
    Customers customers;

    @Autowired
    RuleBook rules;

    Tenant tenant;
    BrowserlessSession manager;
    CustomerId buyer;

    @BeforeEach
    void setUp() {
        tenant = TenantFixture.from(context).tenant("journey pages");
        var key = apiKeys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "shop", null, null, true), null);
        var at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(5));
        var sent = new CollectionClient(port, key.token())
                .post("/v1/batch", """
                {"batch": [
                  {"type": "track", "event": "Product Viewed", "userId": "P-1", "timestamp": "%s"},
                  {"type": "track", "event": "Order Completed", "userId": "P-1", "timestamp": "%s",
                   "properties": {"revenue": 99.90}},
                  {"type": "track", "event": "Newsletter Subscribed", "anonymousId": "v-2", "timestamp": "%s"}
                ]}""".formatted(at, at.plus(Duration.ofHours(1)), at));
        assertThat(sent.status()).isEqualTo(200);
        buyer = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> customers
                                .findByReference(tenant.id(), "P-1")
                                .filter(id -> customers
                                                .profile(tenant.id(), id)
                                                .customer()
                                                .stage()
                                        == LifecycleStage.ONBOARDING)
                                .orElse(null),
                        id -> id != null);
        manager = new BrowserlessSession("http://localhost:" + port, "de");
        manager.signIn(tenant.email(Role.CX_MANAGER), Tenant.PASSWORD);
    }

    @Test
    void listsFilterByStageAndTheProfileShowsTheJourney() {
        var onboarding = manager.get("/customers?stage=ONBOARDING&sort=stage");
        assertThat(onboarding.statusCode()).isEqualTo(200);
        assertThat(onboarding.body()).contains("P-1").contains("Onboarding/Auslieferung");
        assertThat(manager.get("/customers?stage=CHURNED").body()).doesNotContain("P-1");
        assertThat(manager.get("/customers?stage=SOMEWHERE").statusCode()).isEqualTo(400);

        var journey = manager.get("/journeys/customers/" + buyer);
        assertThat(journey.statusCode()).isEqualTo(200);
        assertThat(journey.body())
                .contains("Kundenreise")
                .contains("Erwägung")
                .contains("Onboarding/Auslieferung seit")
                .contains("99,90")
                .contains("Bestellung abgeschlossen");

        var overview = manager.get("/journeys");
        assertThat(overview.body()).contains("Kunden je Phase").contains("Onboarding/Auslieferung");
    }

    @Test
    void thePreviewShowsWhoWouldMoveAndBadInputIsRefusedInGerman() {
        var current = rules.current(tenant.id());
        var page = manager.get("/journeys/rules");
        assertThat(page.statusCode()).isEqualTo(200);

        var invalid = manager.postFields(
                "/journeys/rules",
                "version",
                String.valueOf(current.version()),
                "rules[0].event",
                "Order Completed",
                "rules[0].occasion",
                "ALWAYS",
                "rules[0].stage",
                "AWARENESS",
                "rules[0].purchase",
                "true",
                "rhythmFactor",
                "0,5",
                "firstPurchaseDays",
                "90",
                "floorDays",
                "30",
                "ceilingDays",
                "20",
                "action",
                "save");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body())
                .contains("Ein Kauf führt in die aktive Kundenphase")
                .contains("Ein Faktor zwischen 1 und 10.")
                .contains("Mindestens die Untergrenze");
        assertThat(rules.current(tenant.id()).version()).isEqualTo(current.version());

        var preview = manager.postFields(
                "/journeys/rules",
                "version",
                String.valueOf(current.version()),
                "rules[0].event",
                "Newsletter Subscribed",
                "rules[0].occasion",
                "ALWAYS",
                "rules[0].stage",
                "CONSIDERATION",
                "rules[1].event",
                "Order Completed",
                "rules[1].occasion",
                "ALWAYS",
                "rules[1].stage",
                "ONBOARDING",
                "rules[1].purchase",
                "true",
                "rhythmFactor",
                "2,5",
                "firstPurchaseDays",
                "90",
                "floorDays",
                "30",
                "ceilingDays",
                "365",
                "action",
                "preview");
        assertThat(preview.statusCode()).isEqualTo(200);
        // the visitor moves up to consideration; the buyer's product view no longer counts, but
        // the order still makes them an onboarding customer
        assertThat(preview.body())
                .contains("Was die Änderung bewirken würde")
                .contains("Ein Kunde von 2 stünde in einer anderen Phase.")
                .contains("Aufmerksamkeit → Erwägung: 1")
                .contains("2,5");
        assertThat(rules.current(tenant.id()).version()).isEqualTo(current.version());
    }

    @Test
    void onlyAdminsAndCxManagersChangeTheRules() {
        var viewer = new BrowserlessSession("http://localhost:" + port, "en");
        viewer.signIn(tenant.email(Role.VIEWER), Tenant.PASSWORD);
        assertThat(viewer.get("/journeys").statusCode()).isEqualTo(200);
        assertThat(viewer.get("/journeys/rules").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/journeys/customers/" + buyer).statusCode()).isEqualTo(403);

        var agent = ApiClient.bearer(port, tenant.token(Role.AGENT));
        assertThat(agent.get("/api/v1/customers/" + buyer + "/journey").status())
                .isEqualTo(200);
        assertThat(agent.put("/api/v1/journeys/rules", "{\"version\": 1, \"rules\": []}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theApiSavesRulesAndRefusesWhatTheFormWould() {
        var api = ApiClient.bearer(port, tenant.token(Role.CX_MANAGER));
        var journey = api.get("/api/v1/customers/" + buyer + "/journey");
        assertThat(journey.status()).isEqualTo(200);
        assertThat(journey.body()).contains("\"stage\":\"ONBOARDING\"").contains("\"purchases\":1");

        var missing = api.put("/api/v1/journeys/rules", "{\"version\": 1, \"rules\": [{\"event\": \"X\"}]}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("rules[0]");
        assertThat(api.put(
                                "/api/v1/journeys/rules",
                                "{\"version\": 1, \"rules\": [{\"event\": \"X\", \"stage\": \"NOWHERE\"}]}")
                        .status())
                .isEqualTo(400);

        var saved = api.put("/api/v1/journeys/rules", """
                {"version": 1,
                 "rules": [{"event": "Newsletter Subscribed", "stage": "CONSIDERATION", "occasion": "ALWAYS", "purchase": false}],
                 "inactivity": {"floorDays": 30, "ceilingDays": 365, "rhythmFactor": 2.0, "firstPurchaseDays": 90}}""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("\"version\":2");
        var stale = api.put("/api/v1/journeys/rules", """
                {"version": 1,
                 "rules": [{"event": "Order Completed", "stage": "ONBOARDING", "occasion": "ALWAYS", "purchase": true}],
                 "inactivity": {"floorDays": 30, "ceilingDays": 365, "rhythmFactor": 2.0, "firstPurchaseDays": 90}}""");
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.body()).contains("version");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/v1/journeys/rules/replay").body().contains("\"running\":false"));
        assertThat(api.get("/api/v1/journeys/stages").body()).contains("\"CONSIDERATION\":1");
    }

    @Test
    void aFunnelBreaksDownByATraitOverTheApi() {
        var api = ApiClient.bearer(port, tenant.token(Role.CX_MANAGER));
        var body =
                "{\"steps\": [\"Product Viewed\", \"Order Completed\"], \"windowDays\": 7, \"order\": \"SEQUENTIAL\"}";
        var unnamed = api.post("/api/v1/journeys/funnels/result?breakdown=TRAIT", body);
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.body()).contains("trait");

        var split = api.post("/api/v1/journeys/funnels/result?breakdown=TRAIT&trait=plan", body);
        assertThat(split.status()).as(split.body()).isEqualTo(200);
        // P-1 has no plan
        assertThat(split.body())
                .contains("\"trait\":\"plan\"")
                .contains("{\"key\":null,\"customers\":[1,1],\"others\":false}");

        // nothing came between P-1's view and order, so a strict funnel counts them too
        var strict = api.post("/api/v1/journeys/funnels/result", body.replace("SEQUENTIAL", "STRICT"));
        assertThat(strict.status()).as(strict.body()).isEqualTo(200);
        assertThat(strict.json().get("steps").get(1).get("customers").asInt()).isEqualTo(1);
    }

    @Test
    void pathsStageFlowAndPainPointsAnswerOverTheApiAndThePages() {
        var api = ApiClient.bearer(port, tenant.token(Role.CX_MANAGER));
        var paths = api.get("/api/v1/journeys/paths?target=Order%20Completed");
        assertThat(paths.status()).as(paths.body()).isEqualTo(200);
        assertThat(paths.body()).contains("\"customers\":1").contains("\"steps\":[\"Product Viewed\"]");
        assertThat(api.get("/api/v1/journeys/paths?target=Order%20Completed&depth=9")
                        .status())
                .isEqualTo(400);

        var flow = api.get("/api/v1/journeys/flow");
        assertThat(flow.status()).isEqualTo(200);
        assertThat(flow.body())
                .contains("{\"from\":null,\"to\":\"CONSIDERATION\",\"customers\":1}")
                .contains("{\"from\":\"CONSIDERATION\",\"to\":\"ONBOARDING\",\"customers\":1}");

        var painPoints = api.get("/api/v1/journeys/pain-points");
        assertThat(painPoints.status()).isEqualTo(200);
        assertThat(painPoints.body()).contains("\"stage\":\"CONSIDERATION\"");
        assertThat(api.get("/api/v1/journeys/pain-points?from=2026-05-01&to=2026-04-01")
                        .status())
                .isEqualTo(400);

        for (var page : List.of("/journeys/paths", "/journeys/flow", "/journeys/pain-points")) {
            var shown = manager.get(page);
            assertThat(shown.statusCode()).as(page).isEqualTo(200);
        }
        assertThat(manager.get("/journeys/pain-points?from=2026-05-01&to=2026-04-01")
                        .body())
                .contains("Das Ende des Zeitraums liegt vor seinem Anfang.");
    }

    @Test
    void cohortsCountWhoBoughtAgainInEachMonthSinceTheFirstPurchase() {
        var now = java.time.YearMonth.now(java.time.ZoneOffset.UTC);
        var september = now.minusMonths(3);
        var key = apiKeys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "cohorts", null, null, true), null);
        var sent = new CollectionClient(port, key.token()).post("/v1/batch", """
                {"batch": [%s, %s, %s, %s, %s]}""".formatted(
                        order("C-A", september.atDay(15)),
                        order("C-A", september.plusMonths(1).atDay(15)),
                        order("C-B", september.atDay(15)),
                        order("C-C", september.plusMonths(1).atDay(15)),
                        order("C-C", september.plusMonths(2).atDay(15))));
        assertThat(sent.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> customers
                        .findByReference(tenant.id(), "C-C")
                        .map(id -> customers.profile(tenant.id(), id).customer().stage() == LifecycleStage.REPEAT)
                        .orElse(false));

        var api = ApiClient.bearer(port, tenant.token(Role.CX_MANAGER));
        var cohorts = api.get("/api/v1/journeys/cohorts?months=6");
        assertThat(cohorts.status()).isEqualTo(200);
        assertThat(cohorts.body())
                .contains("{\"month\":\"" + september + "\",\"customers\":2,\"buyers\":[2,1,0,0]}")
                .contains("{\"month\":\"" + september.plusMonths(1) + "\",\"customers\":1,\"buyers\":[1,1,0]}");
        var page = manager.get("/journeys/cohorts");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("50,0 %").contains("Monat 1");
    }

    private static String order(String userId, java.time.LocalDate day) {
        return "{\"type\": \"track\", \"event\": \"Order Completed\", \"userId\": \"" + userId + "\", \"timestamp\": \""
                + day.atTime(12, 0) + "Z\"}";
    }
}
