package org.opencxm.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencxm.feedback.FeedbackFixture;
import org.opencxm.journeys.Journeys;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Department;
import org.opencxm.platform.Role;
import org.opencxm.testing.ApiClient;
import org.opencxm.testing.TenantFixture;
import org.opencxm.testing.WithMovableClockAndMail;
import org.opencxm.touchpoints.Channel;
import org.opencxm.touchpoints.TouchpointDraft;
import org.opencxm.touchpoints.Touchpoints;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The case figures as a BI tool reads them: times in working hours (a case opened at 16:00 and
 * answered at 9:00 the next day took two hours, not seventeen), every split, first versus
 * repeat, and the complaint rate against the period's orders. The example of docs/cases.md.
 */
class CaseFiguresTests extends WithMovableClockAndMail {

    @Autowired
    ApplicationContext context;

    @Autowired
    Cases cases;

    @Autowired
    Touchpoints touchpoints;

    @Autowired
    Journeys journeys;

    @Test
    void figuresCountWorkingTimeAndSplitByTouchpointRecurrenceAndDepartment() {
        var tenant = TenantFixture.from(context).tenant("figures");
        var berlin = ZoneId.of("Europe/Berlin");
        // a Wednesday at 16:00 in Berlin that is no holiday: one working hour left that day
        var wednesday = clock.instant()
                .atZone(berlin)
                .plusWeeks(1)
                .with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY))
                .with(LocalTime.of(16, 0));
        while (!context.getBean(org.opencxm.cases.internal.CaseCalendars.class)
                .of(tenant.id())
                .workingTime(
                        wednesday.toInstant(),
                        wednesday.plusDays(1).with(LocalTime.of(10, 0)).toInstant())
                .equals(Duration.ofHours(3))) {
            wednesday = wednesday.plusWeeks(1);
        }
        clock.advance(Duration.between(clock.instant(), wednesday.toInstant()));

        var fixture = new FeedbackFixture(context, tenant, port);
        var ute = fixture.customer("fig-1", "ute.fig@example.test", "de", true);
        var hotline = touchpoints.create(
                tenant.id(),
                new TouchpointDraft(
                        "hotline", "Hotline", Channel.CALL_CENTER, Department.SERVICE, BigDecimal.ONE, true));
        var first = cases.raise(
                        tenant.id(),
                        ute.id(),
                        "Paket fehlt",
                        "delivery",
                        Severity.HIGH,
                        CaseSource.COMPLAINT,
                        "fig-" + UUID.randomUUID(),
                        hotline.id())
                .orElseThrow();
        var repeat = CaseFixture.complaint(context, tenant, ute.id(), "Wieder kein Paket");
        assertThat(repeat.repeatOf()).isEqualTo(first.id());
        for (int i = 0; i < 4; i++) {
            fixture.track("fig-1", "Order Completed");
        }

        var agent = ApiClient.bearer(port, tenant.token(Role.AGENT));
        var actor = new Actor(tenant.id(), null, "Agent", Role.AGENT, Department.SERVICE, null, berlin);
        clock.advance(Duration.ofHours(17)); // Thursday 9:00
        var answered = cases.move(tenant.id(), first.id(), CaseStatus.IN_PROGRESS, 0, actor);
        clock.advance(Duration.ofHours(1)); // Thursday 10:00
        cases.move(tenant.id(), first.id(), CaseStatus.RESOLVED, answered.version(), actor);

        var opened = wednesday;
        var day = opened.toLocalDate();
        var period = "?from=" + day + "&to=" + day.plusDays(1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> journeys.occurrences(
                                tenant.id(),
                                "Order Completed",
                                opened.minusDays(1).toInstant(),
                                opened.plusDays(2).toInstant())
                        == 4);
        var figures = agent.get("/api/v1/cases/figures" + period).json();
        var total = figures.get("total");
        assertThat(total.get("opened").asInt()).isEqualTo(2);
        assertThat(total.get("resolved").asInt()).isEqualTo(1);
        assertThat(total.get("medianFirstResponse").asString())
                .as("16–17 and 8–9")
                .isEqualTo("PT2H");
        assertThat(total.get("medianResolution").asString()).isEqualTo("PT3H");
        assertThat(total.get("complaintRate").asDouble())
                .as("2 cases, 4 orders")
                .isEqualTo(0.5);
        assertThat(figures.get("orders").asInt()).isEqualTo(4);

        assertThat(row(figures, "byRecurrence", "first").get("opened").asInt()).isEqualTo(1);
        assertThat(row(figures, "byRecurrence", "repeat").get("opened").asInt()).isEqualTo(1);
        assertThat(row(figures, "byTouchpoint", "hotline").get("resolved").asInt())
                .isEqualTo(1);
        assertThat(row(figures, "byTouchpoint", "none").get("opened").asInt()).isEqualTo(1);
        assertThat(figures.get("byTouchpoint")).as("one row each").hasSize(2);
        assertThat(row(figures, "byCategory", "delivery").get("opened").asInt()).isEqualTo(2);
        assertThat(row(figures, "byCategory", "billing").get("opened").asInt())
                .as("listed without cases")
                .isZero();
        assertThat(row(figures, "bySeverity", "CRITICAL").get("repeatShare").asDouble())
                .as("a repeat is one step more severe")
                .isEqualTo(1.0);
        assertThat(figures.get("byDepartment").get(0).get("opened").asInt()).isEqualTo(2);
    }

    @Test
    void aCaseOfThePastIsRecordedWithTheWorkingTimesItTookAndNoLetter() throws Exception {
        var tenant = TenantFixture.from(context).tenant("past cases");
        var fixture = new FeedbackFixture(context, tenant, port);
        var jan = fixture.customer("past-1", "jan.past@example.test", "de", true);
        var opened =
                clock.instant().atZone(ZoneId.of("Europe/Berlin")).minusDays(60).with(LocalTime.of(9, 0));
        var past = new Cases.PastCase(
                jan.id(),
                "Lieferung beschädigt",
                "Versand",
                Severity.MEDIUM,
                CaseSource.COMPLAINT,
                "past-1",
                null,
                opened.toInstant(),
                Duration.ofHours(2),
                Duration.ofHours(20),
                false,
                "Jonas Becker");
        var recorded = cases.recordPast(tenant.id(), past).orElseThrow();
        assertThat(cases.recordPast(tenant.id(), past)).as("its source once").isEmpty();
        assertThat(recorded.category()).isEqualTo("delivery");
        assertThat(recorded.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(cases.entries(tenant.id(), recorded.id()))
                .extracting(e -> e.kind() + ":" + e.to() + ":" + e.author())
                .containsExactly(
                        "OPENED:COMPLAINT:null",
                        "STATUS:IN_PROGRESS:Jonas Becker",
                        "STATUS:RESOLVED:Jonas Becker",
                        "STATUS:CLOSED:Jonas Becker");

        var again = cases.recordPast(
                        tenant.id(),
                        new Cases.PastCase(
                                jan.id(),
                                "Wieder beschädigt",
                                "delivery",
                                Severity.MEDIUM,
                                CaseSource.COMPLAINT,
                                "past-2",
                                null,
                                opened.plusDays(7).toInstant(),
                                Duration.ofHours(4),
                                Duration.ofHours(40),
                                true,
                                "Clara Weber"))
                .orElseThrow();
        assertThat(again.repeatOf()).isEqualTo(recorded.id());
        assertThat(again.severity()).isEqualTo(Severity.HIGH);
        assertThat(again.reopened()).isEqualTo(1);

        var day = opened.toLocalDate();
        var figures = ApiClient.bearer(port, tenant.token(Role.VIEWER))
                .get("/api/v1/cases/figures?from=" + day + "&to=" + day.plusDays(7))
                .json();
        assertThat(figures.get("total").get("resolved").asInt()).isEqualTo(2);
        assertThat(figures.get("total").get("reopened").asInt()).isEqualTo(1);
        assertThat(row(figures, "bySeverity", "MEDIUM")
                        .get("medianFirstResponse")
                        .asString())
                .isEqualTo("PT2H");
        assertThat(row(figures, "bySeverity", "MEDIUM").get("medianResolution").asString())
                .isEqualTo("PT20H");
        assertThat(mailTo("jan.past@example.test", 0))
                .as("no letter for the past")
                .isEmpty();
    }

    private static JsonNode row(JsonNode figures, String split, String key) {
        for (var row : figures.get(split)) {
            if (key.equals(row.get("key").asString())) {
                return row;
            }
        }
        throw new AssertionError(split + " has no row " + key + ": " + figures.get(split));
    }
}
