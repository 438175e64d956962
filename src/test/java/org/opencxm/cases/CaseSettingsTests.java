package org.opencxm.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencxm.feedback.FeedbackFixture;
import org.opencxm.platform.Role;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Settings › Cases: an admin sets the working time, holidays and service times; new cases are due by them. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CaseSettingsTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void anAdminSetsTheServiceTimesAndNewCasesAreDueByThem() {
        var tenant = TenantFixture.from(context).tenant("case settings");
        var admin = new BrowserlessSession("http://localhost:" + port, "de");
        admin.signIn(tenant.email(Role.ADMIN), Tenant.PASSWORD);
        var page = admin.get("/settings/cases").body();
        assertThat(page)
                .contains("Servicezeiten nach Schweregrad")
                .contains("value=\"08:00\"")
                .contains("value=\"DE\"");

        var bad = post(admin, fields("XX", "zz", "17:00", "08:00", "abc", "0"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body())
                .contains("Geben Sie Beginn und Ende des Arbeitstags als Uhrzeit an")
                .contains("Geben Sie die erste Antwort in Arbeitsstunden an")
                .contains("Geben Sie die Lösung in ganzen Arbeitstagen an");
        var badCountry = post(admin, fields("XX", "", "00:00", "23:59", "0,5", "2"));
        assertThat(badCountry.body()).contains("Für diesen Ländercode sind keine Feiertage bekannt.");
        var badRegion = post(admin, fields("DE", "zz", "00:00", "23:59", "0,5", "2"));
        assertThat(badRegion.body()).contains("Dieses Bundesland gehört nicht zu dem Land.");
        assertThat(admin.get("/settings/cases").body()).as("nothing saved").contains("value=\"08:00\"");

        // every day round the clock, in Bavaria, a high case answered within half an hour
        var saved = post(admin, fields("DE", "by", "00:00", "23:59", "0,5", "2"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        var again = admin.get("/settings/cases").body();
        assertThat(again).contains("value=\"0,5\"").contains("<option value=\"by\" selected=\"selected\">BY</option>");
        assertThat(context.getBean(org.opencxm.cases.internal.CaseCalendars.class)
                        .settings(tenant.id()))
                .satisfies(s -> assertThat(s.reassignOnBreach()).isTrue())
                .satisfies(s ->
                        assertThat(s.targets(Severity.CRITICAL).updateDays()).isEqualTo(1))
                .satisfies(s -> assertThat(s.targets(Severity.LOW).updateDays()).isEqualTo(3));

        var customer = new FeedbackFixture(context, tenant, port).customer("set-1", null, "de", false);
        var opened = CaseFixture.complaint(context, tenant, customer.id(), "Sofort bitte");
        assertThat(Duration.between(opened.openedAt(), opened.firstResponseDue()))
                .isEqualTo(Duration.ofMinutes(30));

        var agent = new BrowserlessSession("http://localhost:" + port, "de");
        agent.signIn(tenant.email(Role.AGENT), Tenant.PASSWORD);
        assertThat(agent.get("/settings/cases").statusCode()).isEqualTo(403);
    }

    private static java.net.http.HttpResponse<String> post(BrowserlessSession session, String[] fields) {
        session.get("/settings/cases");
        return session.postFields(fields[0], java.util.Arrays.copyOfRange(fields, 1, fields.length));
    }

    private static String[] fields(String country, String region, String start, String end, String high, String days) {
        var fields = new ArrayList<>(List.of(
                "/settings/cases",
                "country",
                country,
                "region",
                region,
                "dayStart",
                start,
                "dayEnd",
                end,
                "reassignOnBreach",
                "on"));
        for (var day : java.time.DayOfWeek.values()) {
            fields.addAll(List.of("day." + day.name(), "on"));
        }
        for (var severity : Severity.values()) {
            fields.addAll(List.of("firstResponse" + severity.name(), severity == Severity.HIGH ? high : "4"));
            fields.addAll(List.of("resolution" + severity.name(), days));
            fields.addAll(List.of("update" + severity.name(), severity == Severity.CRITICAL ? "1" : "3"));
        }
        return fields.toArray(String[]::new);
    }
}
