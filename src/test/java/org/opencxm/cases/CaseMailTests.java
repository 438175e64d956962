package org.opencxm.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.opencxm.feedback.FeedbackFixture;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.Role;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.NewApiKey;
import org.opencxm.testing.ApiClient;
import org.opencxm.testing.CollectionClient;
import org.opencxm.testing.TenantFixture;
import org.opencxm.testing.WithMovableClockAndMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A complaint is acknowledged by e-mail within seconds, in the customer's language, with the date
 * by which the case is to be resolved; through a real SMTP server (GreenMail).
 */
class CaseMailTests extends WithMovableClockAndMail {

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiKeyManagement apiKeys;

    @Autowired
    Cases cases;

    @Test
    void aWorkspaceWordsItsOwnLettersWithNamedPlaceholdersAndKeepsOpenCxmsWordingElsewhere() throws Exception {
        var tenant = TenantFixture.from(context).tenant("own letters");
        var admin = new org.opencxm.testing.BrowserlessSession("http://localhost:" + port, "de");
        admin.signIn(tenant.email(Role.ADMIN), org.opencxm.testing.Tenant.PASSWORD);
        var editor = admin.get("/settings/cases/letters").body();
        assertThat(editor)
                .contains("Eingangsbestätigung eines neuen Falls")
                .contains("placeholder=\"Ihr Anliegen #{number} bei {company}: Wir kümmern uns\"");

        var refused = admin.postFields(
                "/settings/cases/letters", "text.mail.case.intro.de", "Danke! Fall {nummer} ist angelegt.");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Platzhalter, den sein Brief nicht hat");
        var saved = admin.postFields(
                "/settings/cases/letters",
                "text.mail.case.intro.de",
                "danke, dass Sie uns geschrieben haben. Fall {number} liegt bei uns in guten Händen.",
                "text.mail.case.thanks.de",
                "Herzlich, Ihr Team von {company}",
                "text.mail.case.subject.en",
                "");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(admin.get("/settings/cases/letters").body()).contains("liegt bei uns in guten Händen.</textarea>");

        var fixture = new FeedbackFixture(context, tenant, port);
        var hanna = fixture.customer("own-1", "hanna.own@example.test", "de", true);
        var mark = fixture.customer("own-2", "mark.own@example.test", "en", true);
        var hers = CaseFixture.complaint(context, tenant, hanna.id(), "Paket fehlt");
        CaseFixture.complaint(context, tenant, mark.id(), "Parcel missing");
        var german = await().atMost(Duration.ofSeconds(10))
                .until(() -> mailTo("hanna.own@example.test", 1), found -> !found.isEmpty())
                .get(0);
        assertThat(text(german, "text/plain"))
                .contains("Fall " + hers.number() + " liegt bei uns in guten Händen.")
                .contains("Herzlich, Ihr Team von " + tenant.workspace().name())
                .contains("Wir erwarten, es bis");
        var english = await().atMost(Duration.ofSeconds(10))
                .until(() -> mailTo("mark.own@example.test", 1), found -> !found.isEmpty())
                .get(0);
        assertThat(text(english, "text/plain"))
                .as("only German was reworded")
                .contains("thank you for getting in touch");
    }

    @Test
    void aComplaintIsAcknowledgedInTheCustomersLanguageWithItsDueDate() throws Exception {
        var tenant = TenantFixture.from(context).tenant("case mail");
        var fixture = new FeedbackFixture(context, tenant, port);
        var greta = fixture.customer("mail-1", "greta@example.test", "de", true);
        var john = fixture.customer("mail-2", "john@example.test", "en", true);
        var key = apiKeys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "hotline", null, null, true), null);
        var collect = new CollectionClient(port, key.token());
        for (var who : new String[] {"mail-1", "mail-2"}) {
            collect.post(
                    "/v1/track",
                    "{\"userId\": \"" + who
                            + "\", \"event\": \"Complaint Filed\", \"properties\": {\"severity\": \"high\"}}");
        }
        var hers = await().atMost(Duration.ofSeconds(15))
                .until(() -> cases.ofCustomer(tenant.id(), greta.id()), found -> !found.isEmpty())
                .get(0);
        var his = await().atMost(Duration.ofSeconds(15))
                .until(() -> cases.ofCustomer(tenant.id(), john.id()), found -> !found.isEmpty())
                .get(0);

        var german = mailTo("greta@example.test", 2).get(0);
        assertThat(german.getSubject())
                .isEqualTo("Ihr Anliegen #" + hers.number() + " bei "
                        + tenant.workspace().name() + ": Wir kümmern uns");
        var zone = tenant.workspace().timeZone();
        assertThat(text(german, "text/plain"))
                .contains("als Fall #" + hers.number() + " aufgenommen")
                .contains("Wir erwarten, es bis " + day(hers, zone, Locale.GERMAN))
                .contains(" Uhr zu lösen");
        assertThat(text(german, "text/html")).contains("Fallnummer " + hers.number());

        var english = mailTo("john@example.test", 2).get(0);
        assertThat(english.getSubject()).startsWith("Your request #" + his.number());
        assertThat(text(english, "text/plain"))
                .contains("We expect to have solved it by " + day(his, zone, Locale.ENGLISH));

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(cases.entries(tenant.id(), hers.id()))
                        .extracting(CaseEntry::kind)
                        .contains(CaseEntry.Kind.MESSAGE));

        // resolved, then reopened: she hears of both, once each. Letters are sent after commit on
        // their own threads, so the test waits for each before the next move to know their order
        var agent = ApiClient.bearer(port, tenant.token(Role.AGENT));
        var expected = 1;
        for (var status : new String[] {"RESOLVED", "IN_PROGRESS"}) {
            var version = agent.get("/api/v1/cases/" + hers.id())
                    .json()
                    .get("version")
                    .asInt();
            var moved = agent.post(
                    "/api/v1/cases/" + hers.id() + "/status",
                    "{\"status\": \"" + status + "\", \"version\": " + version + "}");
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            var sent = ++expected;
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> mailTo("greta@example.test", 1 + sent), found -> found.size() == sent);
        }
        var letters = await().atMost(Duration.ofSeconds(10))
                .until(() -> mailTo("greta@example.test", 4), found -> found.size() == 3);
        assertThat(letters.get(1).getSubject()).endsWith("ist gelöst");
        assertThat(text(letters.get(1), "text/plain")).contains("wir haben Ihr Anliegen #" + hers.number() + " gelöst");
        assertThat(letters.get(2).getSubject()).endsWith("ist wieder in Bearbeitung");
        assertThat(text(letters.get(2), "text/plain")).contains("Wir erwarten, es bis ");
    }

    private static String day(CaseView supportCase, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                .withLocale(locale)
                .format(supportCase.resolutionDue().atZone(zone));
    }
}
