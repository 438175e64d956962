package org.opencxm.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencxm.cases.internal.CaseMailbox;
import org.opencxm.customers.Customers;
import org.opencxm.customers.IdentityKind;
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
 * Replies come back: an agent answers from the case page, the letter carries the case's reply
 * address, the customer's answer is read from the support mailbox over IMAP (GreenMail) and lands
 * on the case, which goes back to work; new mail opens cases; auto-replies and forged tokens land
 * nowhere.
 */
class CaseRepliesTests extends WithMovableClockAndMail {

    @Autowired
    ApplicationContext context;

    @Autowired
    Cases cases;

    @Autowired
    CaseMailbox mailbox;

    @Autowired
    Customers customers;

    @Test
    void anAgentsAnswerIsRepliedToAndTheReplyLandsOnTheCase() throws Exception {
        var tenant = TenantFixture.from(context).tenant("replies");
        var greta = new FeedbackFixture(context, tenant, port).customer("re-1", "greta.re@example.test", "de", true);
        var opened = CaseFixture.complaint(context, tenant, greta.id(), "Paket beschädigt");
        mailTo("greta.re@example.test", 1);

        var agent = new BrowserlessSession("http://localhost:" + port, "de");
        agent.signIn(tenant.email(Role.AGENT), Tenant.PASSWORD);
        var page = agent.get("/cases/" + opened.id()).body();
        assertThat(page)
                .contains("Dem Kunden antworten")
                .contains("An den Kunden auf Deutsch.")
                .contains("Rückfrage");
        var empty = agent.postFields("/cases/" + opened.id() + "/replies", "text", " ");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Schreiben Sie eine Antwort mit 1 bis 10.000 Zeichen.");
        var sent = agent.postFields(
                "/cases/" + opened.id() + "/replies",
                "text",
                "vielen Dank. Schicken Sie uns bitte ein Foto des Pakets?",
                "waitForCustomer",
                "true");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(cases.get(tenant.id(), opened.id()).status()).isEqualTo(CaseStatus.WAITING_FOR_CUSTOMER);

        var letter = await().atMost(Duration.ofSeconds(10))
                .until(() -> mailTo("greta.re@example.test", 2), found -> found.size() == 2)
                .get(1);
        assertThat(letter.getSubject())
                .isEqualTo("Ihr Anliegen #" + opened.number() + " bei "
                        + tenant.workspace().name());
        assertThat(text(letter, "text/plain")).contains("Schicken Sie uns bitte ein Foto des Pakets?");
        var replyTo = letter.getReplyTo()[0].toString();
        assertThat(replyTo).matches("support\\+c-[0-9a-f]{32}@firma\\.test");

        // she answers above the quoted letter; the mailbox is read
        var answer = mail(
                "greta.re@example.test",
                "Greta Berg",
                replyTo,
                "Re: " + letter.getSubject(),
                "Hier ist das Foto.\n\nAm 1. Dezember 2026 schrieb Service:\n> Schicken Sie uns bitte ein Foto?");
        deliver(answer);
        assertThat(mailbox.poll(tenant.id())).isEqualTo(1);
        var entries = cases.entries(tenant.id(), opened.id());
        var reply = entries.stream()
                .filter(e -> e.kind() == CaseEntry.Kind.REPLY)
                .findFirst()
                .orElseThrow();
        assertThat(reply.body()).isEqualTo("Hier ist das Foto.");
        assertThat(reply.author()).isEqualTo("Greta Berg");
        assertThat(cases.get(tenant.id(), opened.id()).status())
                .as("back to work")
                .isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(entries).anyMatch(e -> e.kind() == CaseEntry.Kind.MESSAGE && "replies agent".equals(e.author()));

        assertThat(mailbox.poll(tenant.id()))
                .as("read mails are not read again")
                .isZero();
        deliver(answer);
        assertThat(mailbox.poll(tenant.id())).as("the same Message-ID again").isZero();
        assertThat(cases.entries(tenant.id(), opened.id()).stream().filter(e -> e.kind() == CaseEntry.Kind.REPLY))
                .hasSize(1);
        assertThat(agent.get("/cases/" + opened.id()).body())
                .contains("E-Mail vom Kunden")
                .contains("Hier ist das Foto.");
    }

    @Test
    void newMailOpensACaseForItsSenderAndAutoRepliesAndForgedTokensLandNowhere() throws Exception {
        var tenant = TenantFixture.from(context).tenant("mailbox");
        deliver(mail(
                "neu.kunde@example.test",
                "Nina Neu",
                "support@firma.test",
                "Rechnung doppelt abgebucht",
                "Sie haben meine Rechnung 4711 zweimal abgebucht."));
        var away = mail("urlaub@example.test", null, "support@firma.test", "Abwesend", "Ich bin im Urlaub.");
        away.setHeader("Auto-Submitted", "auto-replied");
        deliver(away);
        deliver(mail("forger@example.test", null, "support+c-" + "0".repeat(32) + "@firma.test", "Re: #1", "Hallo"));

        assertThat(mailbox.poll(tenant.id()))
                .as("the stranger is identified first")
                .isZero();
        var nina = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> customers
                                .holders(tenant.id(), IdentityKind.EMAIL, List.of("neu.kunde@example.test"))
                                .get("neu.kunde@example.test"),
                        java.util.Objects::nonNull);
        assertThat(mailbox.poll(tenant.id())).isEqualTo(1);
        var hers = cases.ofCustomer(tenant.id(), nina);
        assertThat(hers).hasSize(1);
        assertThat(hers.get(0).source()).isEqualTo(CaseSource.EMAIL);
        assertThat(hers.get(0).category()).isEqualTo("billing");
        assertThat(hers.get(0).subject()).isEqualTo("Rechnung doppelt abgebucht");
        assertThat(cases.entries(tenant.id(), hers.get(0).id()))
                .anyMatch(e -> e.kind() == CaseEntry.Kind.REPLY && e.body().contains("zweimal abgebucht"));
        var acknowledged = await().atMost(Duration.ofSeconds(10))
                .until(() -> mailTo("neu.kunde@example.test", 1), found -> !found.isEmpty());
        assertThat(acknowledged.get(0).getSubject())
                .startsWith("Your request #" + hers.get(0).number());
        assertThat(mailTo("urlaub@example.test", 1))
                .as("no answer to an auto-reply")
                .isEmpty();
        assertThat(mailbox.poll(tenant.id())).isZero();

        var api = ApiClient.bearer(port, tenant.token(Role.AGENT));
        var noText = api.post("/api/v1/cases/" + hers.get(0).id() + "/replies", "{\"text\": \"\"}");
        assertThat(noText.status()).isEqualTo(400);
        var answered =
                api.post("/api/v1/cases/" + hers.get(0).id() + "/replies", "{\"text\": \"We refund it today.\"}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    }

    private static MimeMessage mail(String from, String name, String to, String subject, String text) throws Exception {
        var message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(name == null ? new InternetAddress(from) : new InternetAddress(from, name, "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        message.saveChanges();
        message.setHeader("Message-ID", "<" + UUID.randomUUID() + "@example.test>");
        return message;
    }

    private static void deliver(MimeMessage message) throws Exception {
        supportMailbox.getUserManager().getUser("support@firma.test").deliver(message);
    }
}
