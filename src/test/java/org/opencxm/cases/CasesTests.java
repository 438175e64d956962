package org.opencxm.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.customers.Customer;
import org.opencxm.feedback.FeedbackFixture;
import org.opencxm.feedback.SurveyTemplate;
import org.opencxm.feedback.internal.InvitationChannel;
import org.opencxm.feedback.internal.Invitations;
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
 * Cases as they arise and are worked, over real HTTP: complaints sent through the collection API
 * and low answers given on the survey pages open cases (a repeat linked and more severe), and an
 * agent works one through the German pages, where illegal and stale moves are refused.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CasesTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiKeyManagement apiKeys;

    @Autowired
    Invitations invitations;

    @Autowired
    Cases cases;

    @Autowired
    org.opencxm.customers.Customers customers;

    Tenant tenant;
    FeedbackFixture fixture;
    CollectionClient collect;

    @BeforeEach
    void setUp() {
        tenant = TenantFixture.from(context).tenant("cases");
        fixture = new FeedbackFixture(context, tenant, port);
        var key = apiKeys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "hotline", null, null, true), null);
        collect = new CollectionClient(port, key.token());
    }

    @Test
    void aComplaintOpensACaseAndARepeatIsLinkedAndMoreSevere() {
        var lena = fixture.customer("case-1", "lena@example.com", "de", true);
        complain(
                "case-1",
                "{\"category\": \"shipping\", \"severity\": \"high\", \"description\": \"Paket kam nie an\"}");
        var first = awaitCases(lena, 1).get(0);
        assertThat(first.source()).isEqualTo(CaseSource.COMPLAINT);
        assertThat(first.category()).isEqualTo("delivery");
        assertThat(first.severity()).isEqualTo(Severity.HIGH);
        assertThat(first.subject()).isEqualTo("Paket kam nie an");
        assertThat(first.status()).isEqualTo(CaseStatus.NEW);
        assertThat(first.repeatOf()).isNull();

        complain("case-1", "{\"category\": \"delivery\"}");
        var repeat = awaitCases(lena, 2).get(0);
        // medium as sent, one step worse as a repeat
        assertThat(repeat.severity()).isEqualTo(Severity.HIGH);
        assertThat(repeat.repeatOf()).isEqualTo(first.id());
        assertThat(repeat.number()).isEqualTo(first.number() + 1);

        complain("case-1", "{\"category\": \"invoice\"}");
        var billing = awaitCases(lena, 3).get(0);
        assertThat(billing.category()).isEqualTo("billing");
        assertThat(billing.repeatOf()).isNull();
        assertThat(billing.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void aVisitorsCaseFollowsThemWhenTheirProfilesAreMerged() {
        fixture.customer("case-9", "ida@example.com", "de", true);
        var sent = collect.post("/v1/track", """
                {"anonymousId": "visitor-9", "event": "Complaint Filed", "properties": {"category": "website"}}""");
        assertThat(sent.status()).isEqualTo(200);
        var visitor = await().atMost(Duration.ofSeconds(15))
                .until(() -> customers.byIdentity(tenant.id(), null, "visitor-9"), found -> found.isPresent())
                .orElseThrow()
                .customer();
        awaitCases(visitor, 1);

        assertThat(collect.post("/v1/identify", "{\"anonymousId\": \"visitor-9\", \"userId\": \"case-9\"}")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var survivor = customers.findByReference(tenant.id(), "case-9").orElseThrow();
            assertThat(cases.ofCustomer(tenant.id(), survivor)).hasSize(1);
        });
    }

    @Test
    void aLowAnswerOpensACaseAndAGoodOneDoesNot() {
        var happy = fixture.customer("case-2", "ben@example.com", "de", true);
        var unhappy = fixture.customer("case-3", "cem@example.com", "de", true);
        var survey = fixture.activeSurvey(SurveyTemplate.NPS_RELATIONSHIP, "Beziehung");
        var browser = new BrowserlessSession("http://localhost:" + port, "de");
        answer(browser, survey, happy, "9");
        answer(browser, survey, unhappy, "2");

        var raised = awaitCases(unhappy, 1).get(0);
        assertThat(raised.source()).isEqualTo(CaseSource.FEEDBACK);
        assertThat(raised.subject()).isEqualTo("NPS 2");
        assertThat(raised.severity()).isEqualTo(Severity.HIGH);
        assertThat(cases.ofCustomer(tenant.id(), happy.id())).isEmpty();
    }

    @Test
    void theWorkspacesOwnCategoriesAndThresholdsDecideWhatOpensACaseAndWhereItIsFiled() {
        var own = TenantFixture.from(context).tenant("case intake");
        var ownFixture = new FeedbackFixture(context, own, port);
        var ideas = ownFixture.activeSurvey(SurveyTemplate.NPS_RELATIONSHIP, "Ideen");
        var admin = new BrowserlessSession("http://localhost:" + port, "de");
        admin.signIn(own.email(Role.ADMIN), Tenant.PASSWORD);
        var page = admin.get("/settings/cases/intake").body();
        assertThat(page)
                .contains("Kategorien und Schwellen")
                .contains("placeholder=\"Lieferung\"")
                .contains("Ideen");

        var fields = new java.util.LinkedHashMap<String, String>();
        var keys = List.of("delivery", "product", "billing", "service", "website", "other");
        for (int i = 0; i < keys.size(); i++) {
            fields.put("key." + i, keys.get(i));
        }
        fields.put("retired.2", "on");
        fields.put("key.6", "Neu Kat");
        fields.put("german.6", "Retoure");
        fields.put("threshold.NPS", "4");
        fields.put("threshold.CSAT", "2");
        fields.put("threshold.CES", "3");
        fields.put("threshold.STARS", "2");
        fields.put("survey." + ideas.id().value(), "none");
        var refused = admin.post("/settings/cases/intake", fields);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("Ein Schlüssel hat 1 bis 40 Kleinbuchstaben")
                .contains("value=\"Neu Kat\"");
        assertThat(cases.figures(own.id(), java.time.Instant.EPOCH, java.time.Instant.now())
                        .byCategory())
                .as("nothing saved")
                .extracting(CaseFigures.Counts::key)
                .doesNotContain("returns");

        var oddSurvey = new java.util.LinkedHashMap<>(fields);
        oddSurvey.put("survey.not-a-survey", "3");
        oddSurvey.put("threshold.CES", "");
        var odd = admin.post("/settings/cases/intake", oddSurvey);
        assertThat(odd.statusCode()).isEqualTo(400);
        assertThat(odd.body()).contains("Diese Umfrage gibt es nicht").contains("Eine Schwelle liegt zwischen");

        fields.put("key.6", "returns");
        fields.put("english.6", "Returns");
        fields.put("words.6", "Retoure, Rücksendung");
        assertThat(admin.post("/settings/cases/intake", fields).statusCode()).isEqualTo(302);
        assertThat(admin.get("/settings/cases/intake").body())
                .contains("value=\"Retoure\"")
                .contains("<code>returns</code>");

        var ute = ownFixture.customer("intake-1", "ute@example.com", "de", true);
        var filed = cases.raise(
                        own.id(),
                        ute.id(),
                        "Geld fehlt",
                        "Rücksendung",
                        Severity.LOW,
                        CaseSource.COMPLAINT,
                        "intake-1",
                        null)
                .orElseThrow();
        assertThat(filed.category()).isEqualTo("returns");
        var billing = cases.raise(
                        own.id(), ute.id(), "Doppelt", "Rechnung", Severity.LOW, CaseSource.COMPLAINT, "intake-2", null)
                .orElseThrow();
        assertThat(billing.category()).as("billing is retired").isEqualTo("other");
        var agent = new BrowserlessSession("http://localhost:" + port, "de");
        agent.signIn(own.email(Role.AGENT), Tenant.PASSWORD);
        assertThat(agent.get("/cases/" + filed.id()).body()).contains("<dd>Retoure</dd>");
        assertThat(agent.get("/cases").body()).contains(">Retoure</option>").contains(">Rechnung</option>");
        assertThat(agent.get("/settings/cases/intake").statusCode()).isEqualTo(403);

        // NPS 5 opens no case here (up to 4), and the ideas survey opens none at all
        var relationship = ownFixture.activeSurvey(SurveyTemplate.NPS_RELATIONSHIP, "Beziehung");
        var five = ownFixture.customer("intake-2", "five@example.com", "de", true);
        var zero = ownFixture.customer("intake-3", "zero@example.com", "de", true);
        var four = ownFixture.customer("intake-4", "four@example.com", "de", true);
        var browser = new BrowserlessSession("http://localhost:" + port, "de");
        answer(browser, own, relationship, five, "5");
        answer(browser, own, ideas, zero, "0");
        answer(browser, own, relationship, four, "4");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> cases.ofCustomer(own.id(), four.id()).size() == 1);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> cases.ofCustomer(own.id(), five.id()).isEmpty()
                        && cases.ofCustomer(own.id(), zero.id()).isEmpty());
    }

    @Test
    void anAgentWorksACaseThroughTheGermanPages() {
        var mia = fixture.customer("case-4", "mia@example.com", "de", true);
        var api = ApiClient.bearer(port, tenant.token(Role.AGENT));
        var opened = api.post("/api/v1/cases", """
                {"customerId": "%s", "subject": "Rückruf gewünscht", "category": "product", "severity": "LOW",
                 "note": "Kundin rief an"}""".formatted(mia.id()));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        var id = opened.json().get("id").asString();
        assertThat(api.post(
                                "/api/v1/cases",
                                "{\"customerId\": \"%s\", \"subject\": \"\", \"category\": \"product\"}"
                                        .formatted(mia.id()))
                        .status())
                .isEqualTo(400);

        var agent = new BrowserlessSession("http://localhost:" + port, "de");
        agent.signIn(tenant.email(Role.AGENT), Tenant.PASSWORD);
        assertThat(agent.get("/cases").body()).contains("Rückruf gewünscht").contains("Niedrig");
        var page = agent.get("/cases/" + id);
        assertThat(page.body())
                .contains("Fall übernehmen")
                .contains("Bestätigen")
                .contains("Kundin rief an")
                .contains("Zu lösen bis")
                .contains("Seine anderen Fälle")
                .contains("Das ganze Profil mit Zeitleiste");

        assertThat(agent.postFields("/cases/" + id + "/assignee", "version", "0")
                        .statusCode())
                .isEqualTo(302);
        var unresolved = agent.postFields("/cases/" + id + "/status", "status", "CLOSED", "version", "1");
        assertThat(unresolved.statusCode()).isEqualTo(400);
        assertThat(unresolved.body()).contains("Ein Fall wird erst geschlossen, wenn er gelöst ist.");
        var stale = agent.postFields("/cases/" + id + "/status", "status", "IN_PROGRESS", "version", "0");
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(stale.body()).contains("Jemand hat den Fall inzwischen geändert");
        for (var move : List.of(Map.entry("RESOLVED", "1"), Map.entry("CLOSED", "2"), Map.entry("IN_PROGRESS", "3"))) {
            assertThat(agent.postFields("/cases/" + id + "/status", "status", move.getKey(), "version", move.getValue())
                            .statusCode())
                    .as(move.getKey())
                    .isEqualTo(302);
        }
        assertThat(agent.postFields("/cases/" + id + "/notes", "note", "Ersatz verschickt")
                        .statusCode())
                .isEqualTo(302);

        var worked = api.get("/api/v1/cases/" + id).json();
        assertThat(worked.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(worked.get("reopened").asInt()).isEqualTo(1);
        assertThat(worked.get("firstResponseAt").isNull()).isFalse();
        assertThat(api.get("/api/v1/cases/" + id + "/entries").body())
                .contains("\"kind\":\"OPENED\"")
                .contains("\"kind\":\"ASSIGNED\"")
                .contains("\"to\":\"CLOSED\"")
                .contains("Ersatz verschickt");
        assertThat(agent.get("/cases/" + id).body()).contains("Verlauf").contains("Gelöst → Geschlossen");
        assertThat(agent.get("/cases/customers/" + mia.id()).body()).contains("Rückruf gewünscht");

        // one case, answered at once, reopened and so not resolved now
        var figures = api.get("/api/v1/cases/figures").json();
        assertThat(figures.get("total").get("opened").asInt()).isEqualTo(1);
        assertThat(figures.get("total").get("answered").asInt()).isEqualTo(1);
        assertThat(figures.get("total").get("answeredInTime").asInt()).isEqualTo(1);
        assertThat(figures.get("total").get("resolved").asInt()).isZero();
        assertThat(figures.get("bySeverity").get(3).get("key").asString()).isEqualTo("LOW");
        assertThat(figures.get("bySeverity").get(3).get("opened").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/cases/figures?from=2026-05-01&to=2026-04-01")
                        .status())
                .isEqualTo(400);
        assertThat(agent.get("/cases").body()).contains("Rechtzeitig reagiert").contains("100,0 %");

        var viewer = new BrowserlessSession("http://localhost:" + port, "de");
        viewer.signIn(tenant.email(Role.VIEWER), Tenant.PASSWORD);
        assertThat(viewer.get("/cases/" + id).statusCode()).isEqualTo(200);
        assertThat(viewer.postFields("/cases/" + id + "/notes", "note", "Hallo").statusCode())
                .isEqualTo(403);
    }

    @Test
    void anAgentGivesSeveralCasesOfTheQueueToAColleague() {
        var one = fixture.customer("bulk-1", "bulk1@example.test", "de", true);
        var two = fixture.customer("bulk-2", "bulk2@example.test", "de", true);
        var first = CaseFixture.complaint(context, tenant, one.id(), "Paket fehlt");
        var second = CaseFixture.complaint(context, tenant, two.id(), "Rechnung falsch");
        var manager = tenant.user(Role.CX_MANAGER);

        var agent = new BrowserlessSession("http://localhost:" + port, "de");
        agent.signIn(tenant.email(Role.AGENT), Tenant.PASSWORD);
        var queue = agent.get("/cases?who=nobody").body();
        assertThat(queue).contains("Ausgewählte Fälle übergeben an").contains(manager.displayName());
        assertThat(agent.get("/cases?department=MARKETING").body()).contains("keine Fälle");
        assertThat(agent.get("/cases?department=SERVICE").body())
                .contains("Paket fehlt")
                .contains("Rechnung falsch");
        var api = ApiClient.bearer(port, tenant.token(Role.AGENT));
        assertThat(api.get("/api/v1/cases?department=SERVICE")
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/cases?department=NOWHERE").status()).isEqualTo(400);
        var given = agent.postFields(
                "/cases/assignments",
                "ids",
                first.id().value().toString(),
                "ids",
                second.id().value().toString(),
                "assignee",
                manager.id().value().toString(),
                "who",
                "nobody");
        assertThat(given.statusCode()).isEqualTo(302);
        assertThat(given.headers().firstValue("Location").orElseThrow()).endsWith("/cases?who=nobody");
        assertThat(agent.get("/cases?who=nobody").body()).contains("2 Fälle zugewiesen.");
        assertThat(cases.get(tenant.id(), first.id()).assigneeName()).isEqualTo(manager.displayName());
        assertThat(cases.get(tenant.id(), second.id()).assigneeId()).isEqualTo(manager.id());

        var toViewer = agent.postFields(
                "/cases/assignments",
                "ids",
                first.id().value().toString(),
                "assignee",
                tenant.user(Role.VIEWER).id().value().toString());
        assertThat(toViewer.statusCode()).as("a viewer works on no cases").isEqualTo(400);
        assertThat(agent.postFields("/cases/assignments", "assignee", "me").statusCode())
                .isEqualTo(400);
        assertThat(cases.get(tenant.id(), first.id()).assigneeId()).isEqualTo(manager.id());
    }

    @Test
    void aPersonSavesTheQueuesFiltersAsTheirOwnView() {
        var agent = new BrowserlessSession("http://localhost:" + port, "de");
        agent.signIn(tenant.email(Role.AGENT), Tenant.PASSWORD);
        agent.get("/cases");
        var saved = agent.postFields(
                "/cases/views",
                "name",
                "Hoch, nicht übernommen",
                "severity",
                "HIGH",
                "who",
                "nobody",
                "due",
                "overdue",
                "category",
                "<script>");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow())
                .endsWith("/cases?severity=HIGH&who=nobody&due=overdue");
        var queue = agent.get("/cases").body();
        assertThat(queue)
                .contains("Hoch, nicht übernommen")
                .contains("href=\"/cases?severity=HIGH&amp;who=nobody&amp;due=overdue\"");
        assertThat(agent.postFields("/cases/views", "name", " ").statusCode()).isEqualTo(400);

        var viewer = new BrowserlessSession("http://localhost:" + port, "de");
        viewer.signIn(tenant.email(Role.VIEWER), Tenant.PASSWORD);
        assertThat(viewer.get("/cases").body()).as("views are personal").doesNotContain("Hoch, nicht übernommen");
        var id = queue.replaceAll("(?s).*action=\"/cases/views/([0-9a-f-]{36})/delete\".*", "$1");
        viewer.get("/cases");
        assertThat(viewer.postFields("/cases/views/" + id + "/delete").statusCode())
                .isEqualTo(404);
        assertThat(agent.postFields("/cases/views/" + id + "/delete").statusCode())
                .isEqualTo(302);
        assertThat(agent.get("/cases").body()).doesNotContain("Hoch, nicht übernommen");
    }

    private void complain(String userId, String properties) {
        var sent = collect.post(
                "/v1/track",
                "{\"userId\": \"" + userId + "\", \"event\": \"Complaint Filed\", \"properties\": " + properties + "}");
        assertThat(sent.status()).isEqualTo(200);
    }

    private List<CaseView> awaitCases(Customer customer, int count) {
        return await().atMost(Duration.ofSeconds(15))
                .until(() -> cases.ofCustomer(tenant.id(), customer.id()), found -> found.size() == count);
    }

    private void answer(
            BrowserlessSession browser, org.opencxm.feedback.internal.Survey survey, Customer customer, String nps) {
        answer(browser, tenant, survey, customer, nps);
    }

    private void answer(
            BrowserlessSession browser,
            Tenant in,
            org.opencxm.feedback.internal.Survey survey,
            Customer customer,
            String nps) {
        var link = invitations
                .invite(in.id(), survey.id(), List.of(customer.id()), InvitationChannel.LINK)
                .get(0)
                .link();
        browser.get(link);
        var saved = browser.postRaw(link + "/0", Map.of("q.nps", nps));
        assertThat(saved.statusCode()).isEqualTo(302);
        var done = browser.postRaw(link + "/1", Map.of("q.improve", "Hotline nie erreichbar"));
        assertThat(done.statusCode()).isEqualTo(302);
    }
}
