package org.opencxm.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.LaunchedApp;

/**
 * The case deadline sweep as the packaged application runs it (db-scheduler, polling every
 * second): a promise that comes due is apologised for once; one that comes due while the
 * application is killed is apologised for after the restart, once; and the sweeps that follow
 * raise nothing again.
 */
class ScheduledCaseAlarmsIT {

    private static final String ADMIN = "admin@opencxm.local";
    private static final String PASSWORD = "scheduled case alarms password";
    private static final String CUSTOMER = "kundin.fall@example.test";
    private static final int SMTP_PORT = 3126;

    @TempDir
    Path workDir;

    LaunchedApp app;
    GreenMail smtp;

    @BeforeEach
    void setUp() throws java.io.IOException {
        app = new LaunchedApp(
                LaunchedApp.packagedJar(),
                workDir.resolve("postgres"),
                Path.of("target", "scheduled-case-alarms-it.log"),
                Map.of(
                        "OPENCXM_ADMIN_PASSWORD", PASSWORD,
                        "OPENCXM_DEMO", "false",
                        "OPENCXM_SMTP_HOST", "127.0.0.1",
                        "OPENCXM_SMTP_PORT", Integer.toString(SMTP_PORT),
                        "OPENCXM_SMTP_STARTTLS", "false",
                        "OPENCXM_CASE_SWEEP", "1s",
                        "OPENCXM_JOBS_POLLING", "1s"));
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        app.cleanUp();
        smtp.stop();
    }

    @Test
    void aPromiseComingDueIsApologisedForOnceAlsoWhenItCameDueWhileTheApplicationWasDown() throws Exception {
        app.start();
        var admin = BrowserlessSession.on(app.port());
        assertThat(admin.signIn(ADMIN, PASSWORD)).isEqualTo("/");
        app.identify(LaunchedApp.writeKey(admin), "it-case-1", CUSTOMER);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> admin.get("/customers?q=it-case-1").body().contains(CUSTOMER));
        var customer = admin.get("/customers?q=it-case-1")
                .body()
                .replaceAll("(?s).*href=\"/customers/([0-9a-f-]{36})\".*", "$1");
        admin.get("/cases/new?customer=" + customer);
        var opened = admin.post(
                "/cases",
                Map.of("customer", customer, "subject", "Erstattung fehlt", "category", "billing", "severity", "HIGH"));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(302);
        var casePath = URI.create(opened.headers().firstValue("Location").orElseThrow())
                .getPath();
        assertThat(mailsTo(CUSTOMER, 1, 30)).as("the acknowledgement").isEqualTo(1);

        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        promise(admin, casePath, "Rückruf zur Erstattung", now.plusSeconds(15));
        promise(admin, casePath, "Gutschrift senden", now.plusSeconds(40));
        assertThat(mailsTo(CUSTOMER, 2, 40)).as("the first promise's apology").isEqualTo(2);
        // killed once the apology is on the case: a kill between the mail server taking a letter
        // and its record committing sends it again after the restart (at least once, never lost)
        await().atMost(Duration.ofSeconds(20))
                .until(() -> admin.get(casePath).body().split("E-mail to the customer", -1).length - 1 >= 2);

        app.kill();
        await().atMost(Duration.ofSeconds(60)).until(() -> Instant.now().isAfter(now.plusSeconds(42)));
        app.start();

        assertThat(mailsTo(CUSTOMER, 3, 60))
                .as("the second promise's apology, after the restart")
                .isEqualTo(3);
        await("more rounds of the sweep raise nothing again")
                .during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(15))
                .until(() -> count(CUSTOMER) == 3);
        var subjects = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> to(m).equals(CUSTOMER))
                .map(ScheduledCaseAlarmsIT::subject)
                .toList();
        assertThat(subjects.subList(1, 3)).allMatch(s -> s.endsWith("Wir sind Ihnen etwas schuldig"));
        assertThat(count(ADMIN)).as("who made the promises hears of each once").isEqualTo(2);
        var page = admin.get(casePath).body();
        assertThat(page).contains("Promise not kept in time").contains("Overdue");
    }

    private static void promise(BrowserlessSession admin, String casePath, String what, Instant due) {
        admin.get(casePath);
        var made = admin.post(casePath + "/promises", Map.of("what", what, "due", due.toString()));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(302);
    }

    private int mailsTo(String address, int expected, int seconds) {
        await().atMost(Duration.ofSeconds(seconds)).until(() -> count(address) >= expected);
        return count(address);
    }

    private int count(String address) {
        return (int) Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> to(m).equals(address))
                .count();
    }

    private static String to(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
