package org.opencxm.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.opencxm.cases.internal.CaseDeadlines;
import org.opencxm.feedback.FeedbackFixture;
import org.opencxm.platform.Role;
import org.opencxm.testing.ApiClient;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.opencxm.testing.WithMovableClockAndMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The deadline sweep with time moved, not slept: breaches escalate to the department's leads
 * once, the customer hears when the date slipped, promises are reminded and apologised for,
 * silence ends in an update; through a real SMTP server (GreenMail).
 */
class CaseDeadlinesTests extends WithMovableClockAndMail {

    @Autowired
    ApplicationContext context;

    @Autowired
    Cases cases;

    @Autowired
    CaseDeadlines deadlines;

    @Test
    void aCaseNotAnsweredInTimeIsEscalatedOnceAndTheCustomerHearsWhenItsDateSlipped() throws Exception {
        var tenant = TenantFixture.from(context).tenant("deadline");
        // this workspace gives a case that missed its time to a lead
        var calendars = context.getBean(org.opencxm.cases.internal.CaseCalendars.class);
        var own = calendars.settings(tenant.id());
        calendars.save(
                tenant.id(),
                new org.opencxm.cases.internal.CaseSettings(
                        own.country(),
                        own.region(),
                        own.dayStart(),
                        own.dayEnd(),
                        own.workingDays(),
                        true,
                        own.targets()));
        var greta = new FeedbackFixture(context, tenant, port).customer("dl-1", "greta.dl@example.test", "de", true);
        var opened = CaseFixture.complaint(context, tenant, greta.id(), "Paket nicht angekommen");
        acknowledged(tenant, opened);
        deadlines.sweep();
        var reader = ApiClient.bearer(port, tenant.token(Role.VIEWER));
        assertThat(reader.get("/api/v1/cases?due=overdue").json().get("total").asInt())
                .isZero();

        moveTo(Objects.requireNonNull(opened.firstResponseDue()).plusSeconds(60));
        assertThat(reader.get("/api/v1/cases?due=overdue")
                        .json()
                        .get("items")
                        .get(0)
                        .get("id")
                        .asString())
                .as("the queue's filter: overdue")
                .isEqualTo(opened.id().value().toString());
        assertThat(deadlines.sweep())
                .as("the breach; its warning is said by it")
                .isGreaterThanOrEqualTo(1);
        assertThat(deadlines.sweep()).as("nothing twice").isZero();
        var watcher = new BrowserlessSession("http://localhost:" + port, "de");
        watcher.signIn(tenant.email(Role.VIEWER), Tenant.PASSWORD);
        assertThat(watcher.get("/cases").body()).contains("class=\"tag escalated\">Eskaliert</small>");
        assertThat(kinds(tenant, opened)).contains("ESCALATED:FIRST_RESPONSE_BREACH");
        assertThat(kinds(tenant, opened)).doesNotContain("ALERT:FIRST_RESPONSE_WARNING");
        var admin = await().atMost(Duration.ofSeconds(10))
                .until(() -> to(tenant.email(Role.ADMIN)), found -> !found.isEmpty());
        assertThat(admin.get(0).getSubject())
                .isEqualTo("Escalated: case #" + opened.number() + " was not answered in time");
        assertThat(text(admin.get(0), "text/plain")).contains("http://respond.example/cases/" + opened.id());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> to(tenant.email(Role.CX_MANAGER)).size() == 1);
        assertThat(to(tenant.email(Role.AGENT))).as("not a lead").isEmpty();
        var lead = await().atMost(Duration.ofSeconds(10))
                .until(() -> cases.get(tenant.id(), opened.id()).assigneeName(), java.util.Objects::nonNull);
        assertThat(kinds(tenant, opened)).contains("ASSIGNED:" + lead);

        // answered, but not resolved by its date: escalated again, and she is told in German
        var agent = ApiClient.bearer(port, tenant.token(Role.AGENT));
        var version =
                agent.get("/api/v1/cases/" + opened.id()).json().get("version").asInt();
        assertThat(agent.post(
                                "/api/v1/cases/" + opened.id() + "/status",
                                "{\"status\": \"IN_PROGRESS\", \"version\": " + version + "}")
                        .status())
                .isEqualTo(200);
        moveTo(Objects.requireNonNull(opened.resolutionDue()).plusSeconds(60));
        assertThat(deadlines.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(deadlines.sweep()).isZero();
        var letters = await().atMost(Duration.ofSeconds(10))
                .until(() -> to("greta.dl@example.test"), found -> found.size() == 2);
        assertThat(letters.get(1).getSubject()).endsWith("dauert länger");
        assertThat(text(letters.get(1), "text/plain"))
                .contains("nicht wie angekündigt bis")
                .contains("Leitung unseres Teams");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> kinds(tenant, opened)
                        .containsAll(List.of("ESCALATED:RESOLUTION_BREACH", "MESSAGE:resolution-breach-0")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> to(tenant.email(Role.ADMIN)).size() == 2);
    }

    @Test
    void aBurstOfDueCasesIsSweptInRoundsAndEachAlarmIsRaisedOnce() {
        var tenant = TenantFixture.from(context).tenant("burst");
        var ida = new FeedbackFixture(context, tenant, port).customer("burst-1", null, "de", false);
        var opened = new java.util.ArrayList<CaseView>();
        for (int i = 0; i < 150; i++) {
            opened.add(CaseFixture.complaint(context, tenant, ida.id(), "Paket " + i));
        }
        var latest = opened.stream()
                .map(c -> Objects.requireNonNull(c.firstResponseDue()))
                .max(Instant::compareTo)
                .orElseThrow();
        moveTo(latest.plusSeconds(60));
        assertThat(deadlines.sweep()).as("more than a round of 100").isGreaterThanOrEqualTo(150);
        assertThat(deadlines.sweep()).isZero();
        assertThat(opened)
                .allSatisfy(c -> assertThat(kinds(tenant, c))
                        .filteredOn("ESCALATED:FIRST_RESPONSE_BREACH"::equals)
                        .hasSize(1));
    }

    @Test
    void aPromiseIsRemindedToWhoMadeItAndApologisedForOnceOverdue() throws Exception {
        var tenant = TenantFixture.from(context).tenant("promise");
        var john = new FeedbackFixture(context, tenant, port).customer("pr-1", "john.pr@example.test", "en", true);
        var opened = CaseFixture.complaint(context, tenant, john.id(), "Refund missing");
        acknowledged(tenant, opened);
        var agent = ApiClient.bearer(port, tenant.token(Role.AGENT));
        var signedIn = new BrowserlessSession("http://localhost:" + port, "en");
        signedIn.signIn(tenant.email(Role.AGENT), Tenant.PASSWORD);
        assertThat(signedIn.get("/cases/" + opened.id()).body()).contains("Nothing promised yet.");
        assertThat(signedIn.postFields("/cases/" + opened.id() + "/assignee", "version", "0")
                        .statusCode())
                .isEqualTo(302);

        var due = clock.instant().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        var made = signedIn.postFields(
                "/cases/" + opened.id() + "/promises",
                "what",
                "Call back about the refund",
                "due",
                due.atZone(tenant.workspace().timeZone()).toLocalDateTime().toString());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(302);
        var bad = agent.post("/api/v1/cases/" + opened.id() + "/promises", "{\"what\": \"\", \"due\": \"31.11.2026\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"what\"").contains("\"due\"");
        var kept = agent.post(
                "/api/v1/cases/" + opened.id() + "/promises",
                "{\"what\": \"Send the label\", \"due\": \"" + due.plus(Duration.ofHours(1)) + "\"}");
        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
        assertThat(agent.post(
                                "/api/v1/cases/" + opened.id() + "/promises/"
                                        + kept.json().get("id").asString() + "/kept",
                                "")
                        .status())
                .isEqualTo(204);
        signedIn.get("/cases/" + opened.id());
        signedIn.postFields(
                "/cases/" + opened.id() + "/promises",
                "what",
                "Send a voucher",
                "due",
                due.plus(Duration.ofHours(1))
                        .atZone(tenant.workspace().timeZone())
                        .toLocalDateTime()
                        .toString());
        var listed = agent.get("/api/v1/cases/" + opened.id() + "/promises").json();
        assertThat(listed.size()).isEqualTo(3);
        var voucher = java.util.stream.StreamSupport.stream(listed.spliterator(), false)
                .filter(p -> p.get("what").asString().equals("Send a voucher"))
                .findFirst()
                .orElseThrow();
        assertThat(signedIn.postFields("/cases/" + opened.id() + "/promises/"
                                + voucher.get("id").asString() + "/kept")
                        .statusCode())
                .isEqualTo(302);

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        deadlines.sweep();
        var reminded = await().atMost(Duration.ofSeconds(10))
                .until(() -> subjects(tenant.email(Role.AGENT)), found -> !found.isEmpty());
        assertThat(reminded).anyMatch(s -> s.startsWith("Promise on case #" + opened.number() + " due on"));

        clock.advance(Duration.ofHours(1));
        deadlines.sweep();
        assertThat(deadlines.sweep()).isZero();
        var apology = await().atMost(Duration.ofSeconds(10))
                .until(() -> to("john.pr@example.test"), found -> found.size() >= 2);
        assertThat(apology.get(apology.size() - 1).getSubject()).endsWith("we owe you something");
        assertThat(text(apology.get(apology.size() - 1), "text/plain"))
                .contains("we promised you “Call back about the refund” by");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> subjects(tenant.email(Role.AGENT)).stream().anyMatch(s -> s.contains("not kept")));

        var page = signedIn.get("/cases/" + opened.id());
        assertThat(page.body())
                .contains("Call back about the refund")
                .contains("Overdue")
                .contains("Kept");
        // the agent kept one of the two promises they made; the token's promise counts apart
        var figures = agent.get("/api/v1/cases/figures").json().get("promises");
        var mine = java.util.stream.StreamSupport.stream(figures.spliterator(), false)
                .filter(row -> "promise agent".equals(row.get("agent").asString("")))
                .findFirst()
                .orElseThrow();
        assertThat(mine.get("department").asString()).isEqualTo("SERVICE");
        assertThat(mine.get("due").asInt()).isEqualTo(2);
        assertThat(mine.get("kept").asInt()).isEqualTo(1);
        assertThat(mine.get("keptShare").asDouble()).isEqualTo(0.5);
    }

    @Test
    void aCustomerWhoHeardNothingForThreeWorkingDaysGetsAnUpdateAndThenQuietAgain() throws Exception {
        var tenant = TenantFixture.from(context).tenant("silence");
        var lena = new FeedbackFixture(context, tenant, port).customer("si-1", "lena.si@example.test", "en", true);
        var opened = context.getBean(Cases.class)
                .raise(
                        tenant.id(),
                        lena.id(),
                        "Wrong size",
                        "product",
                        Severity.LOW,
                        CaseSource.COMPLAINT,
                        "silence-1",
                        null)
                .orElseThrow();
        acknowledged(tenant, opened);
        var agent = ApiClient.bearer(port, tenant.token(Role.AGENT));
        assertThat(agent.post(
                                "/api/v1/cases/" + opened.id() + "/status",
                                "{\"status\": \"IN_PROGRESS\", \"version\": 0}")
                        .status())
                .isEqualTo(200);

        clock.advance(Duration.ofDays(6));
        deadlines.sweep();
        var letters = await().atMost(Duration.ofSeconds(10))
                .until(() -> to("lena.si@example.test"), found -> found.size() == 2);
        assertThat(letters.get(1).getSubject()).endsWith(": where it stands");
        assertThat(text(letters.get(1), "text/plain")).contains("Where it stands: In progress.");

        clock.advance(Duration.ofDays(1));
        deadlines.sweep();
        assertThat(to("lena.si@example.test"))
                .as("the next silence counts from the update")
                .hasSize(2);
    }

    /** The acknowledgement went out and is on the case: its writer no longer holds the case's row. */
    private void acknowledged(Tenant tenant, CaseView supportCase) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> kinds(tenant, supportCase).contains("MESSAGE:acknowledgement"));
    }

    private void moveTo(Instant at) {
        clock.advance(Duration.between(clock.instant(), at));
    }

    private List<String> kinds(Tenant tenant, CaseView supportCase) {
        return cases.entries(tenant.id(), supportCase.id()).stream()
                .map(e -> e.kind() + ":" + e.to())
                .toList();
    }

    private static List<MimeMessage> to(String address) throws Exception {
        var found = new java.util.ArrayList<MimeMessage>();
        for (var message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                found.add(message);
            }
        }
        return found;
    }

    private static List<String> subjects(String address) throws Exception {
        var found = new java.util.ArrayList<String>();
        for (var message : to(address)) {
            found.add(message.getSubject());
        }
        return found;
    }
}
