package org.opencxm.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.customers.ConsentChannel;
import org.opencxm.customers.Customer;
import org.opencxm.customers.Customers;
import org.opencxm.feedback.FeedbackFixture;
import org.opencxm.feedback.SurveyTemplate;
import org.opencxm.platform.Workspaces;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.opencxm.testing.WithMovableClockAndMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * E-mail invitations through a real SMTP server (GreenMail): German and English texts, the
 * reminder for those who did not answer, and an unsubscribe link that withdraws consent. Time
 * moves by the injected clock; the mail job is run by the test.
 */
class SurveyEmailTests extends WithMovableClockAndMail {

    private static final Pattern LINK = Pattern.compile("http://respond\\.example(/i/[A-Za-z0-9_-]{43})");

    @Autowired
    ApplicationContext context;

    @Autowired
    Invitations invitations;

    @Autowired
    InvitationMailer mailer;

    @Autowired
    Customers customers;

    @Autowired
    Workspaces workspaces;

    Tenant tenant;
    FeedbackFixture fixture;

    @BeforeEach
    void setUp() {
        tenant = TenantFixture.from(context).tenant("mail");
        fixture = new FeedbackFixture(context, tenant, port);
    }

    @Test
    void invitationsAndTheReminderArriveInEachCustomersLanguage() throws Exception {
        var anna = fixture.customer("mail-de", "anna@example.de", "de", true);
        var ben = fixture.customer("mail-en", "ben@example.com", "en", true);
        var survey = fixture.activeSurvey(SurveyTemplate.CSAT_DELIVERY, "Delivery CSAT");

        var made = invitations.invite(tenant.id(), survey.id(), List.of(anna.id(), ben.id()), InvitationChannel.EMAIL);
        assertThat(made).extracting(SurveyInvitation::status).containsOnly(InvitationStatus.SCHEDULED);
        mailer.sendDue();

        var german = mailTo("anna@example.de", 1).get(0);
        var english = mailTo("ben@example.com", 1).get(0);
        assertThat(german.getSubject()).endsWith(" möchte Ihre Meinung wissen").startsWith("Workspace mail");
        assertThat(text(german, "text/plain")).contains("Zur Umfrage").contains("Keine Umfrage-E-Mails mehr");
        assertThat(text(german, "text/html")).contains("Zur Umfrage</a>");
        assertThat(english.getSubject()).endsWith(" would like to hear from you");
        assertThat(german.getHeader("List-Unsubscribe")[0]).matches("<http://respond\\.example/i/.{43}/unsubscribe>");

        var benLink = link(english);
        var respondent = BrowserlessSession.on(port);
        assertThat(respondent.get(benLink).body()).contains("How satisfied are you with the delivery?");
        respondent.postRaw(benLink + "/0?lang=en", Map.of("q.csat", "5"));

        clock.advance(Duration.ofDays(2));
        mailer.sendDue();
        assertThat(mailTo("anna@example.de", 1)).as("no reminder before 3 days").hasSize(1);

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        mailer.sendDue();
        var reminders = mailTo("anna@example.de", 2);
        assertThat(reminders.get(1).getSubject()).startsWith("Erinnerung: ").endsWith(" möchte Ihre Meinung wissen");
        assertThat(link(reminders.get(1))).isEqualTo(link(german));
        assertThat(mailTo("ben@example.com", 1))
                .as("who answered gets no reminder")
                .hasSize(1);

        clock.advance(Duration.ofDays(10));
        mailer.sendDue();
        assertThat(mailTo("anna@example.de", 2)).as("one reminder only").hasSize(2);
    }

    @Test
    void theUnsubscribeLinkWithdrawsEmailConsent() throws Exception {
        var clara = fixture.customer("mail-unsub", "clara@example.de", "de", true);
        var survey = fixture.activeSurvey(SurveyTemplate.NPS_RELATIONSHIP, "NPS");
        invitations.invite(tenant.id(), survey.id(), List.of(clara.id()), InvitationChannel.EMAIL);
        mailer.sendDue();
        var unsubscribe = link(mailTo("clara@example.de", 1).get(0)) + "/unsubscribe";

        var visitor = BrowserlessSession.on(port);
        var page = visitor.get(unsubscribe);
        assertThat(page.body()).contains("Keine Umfrage-E-Mails mehr?");
        assertThat(emailConsent(clara)).isTrue();
        var done = visitor.postRaw(unsubscribe, Map.of());
        assertThat(done.body()).contains("Sie sind abgemeldet.");
        assertThat(emailConsent(clara)).isFalse();

        clock.advance(Duration.ofDays(60));
        var next = invitations.invite(tenant.id(), survey.id(), List.of(clara.id()), InvitationChannel.EMAIL);
        assertThat(next.get(0).skipReason()).isEqualTo(SkipReason.NO_CONSENT);
    }

    @Test
    void anArchivedWorkspaceSendsNoReminderEvenOnceRestored() throws Exception {
        var dora = fixture.customer("mail-archived", "dora@example.de", "de", true);
        var survey = fixture.activeSurvey(SurveyTemplate.CSAT_DELIVERY, "Archived CSAT");
        invitations.invite(tenant.id(), survey.id(), List.of(dora.id()), InvitationChannel.EMAIL);
        mailer.sendDue();
        assertThat(mailTo("dora@example.de", 1)).hasSize(1);

        workspaces.archive(tenant.id());
        clock.advance(Duration.ofDays(4));
        mailer.sendDue();
        workspaces.restore(tenant.id());
        mailer.sendDue();

        Thread.sleep(300);
        assertThat(mailTo("dora@example.de", 1)).as("no reminder").hasSize(1);
    }

    private boolean emailConsent(Customer customer) {
        return customers
                .profile(tenant.id(), customer.id())
                .consent(ConsentChannel.EMAIL)
                .granted();
    }

    private static String link(MimeMessage message) {
        var matcher = LINK.matcher(text(message, "text/plain"));
        assertThat(matcher.find()).as("personal link in the e-mail").isTrue();
        return matcher.group(1);
    }
}
