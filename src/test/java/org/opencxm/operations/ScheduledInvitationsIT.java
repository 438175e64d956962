package org.opencxm.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.LaunchedApp;

/**
 * A scheduled e-mail invitation survives a hard kill of the packaged application: the SMTP
 * server is down while the invitation is due, the application is killed with SIGKILL, and
 * after the restart (with the SMTP server back) the invitation goes out, once.
 */
class ScheduledInvitationsIT {

    private static final String ADMIN = "admin@opencxm.local";
    private static final String PASSWORD = "scheduled invitations password";
    private static final int SMTP_PORT = 3125;

    @TempDir
    Path workDir;

    LaunchedApp app;
    GreenMail smtp;

    @BeforeEach
    void setUp() throws java.io.IOException {
        app = new LaunchedApp(
                LaunchedApp.packagedJar(),
                workDir.resolve("postgres"),
                Path.of("target", "scheduled-invitations-it.log"),
                Map.of(
                        "OPENCXM_ADMIN_PASSWORD", PASSWORD,
                        "OPENCXM_DEMO", "false",
                        "OPENCXM_SMTP_HOST", "127.0.0.1",
                        "OPENCXM_SMTP_PORT", Integer.toString(SMTP_PORT),
                        "OPENCXM_SMTP_STARTTLS", "false",
                        "OPENCXM_MAIL_INTERVAL", "1s"));
    }

    @AfterEach
    void tearDown() throws Exception {
        app.cleanUp();
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aDueInvitationIsSentAfterAHardKillAndRestart() throws Exception {
        app.start();
        var admin = BrowserlessSession.on(app.port());
        assertThat(admin.signIn(ADMIN, PASSWORD)).isEqualTo("/");
        app.identify(LaunchedApp.writeKey(admin), "it-customer-1", "kunde@example.test");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> admin.get("/customers?q=it-customer-1").body().contains("kunde@example.test"));
        var survey = activeSurvey(admin);
        admin.get(survey);
        var invited = admin.post(survey + "/invitations", Map.of("customers", "it-customer-1", "channel", "EMAIL"));
        assertThat(invited.statusCode()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(20)).until(() -> app.log().contains("Survey e-mails could not be sent"));

        app.kill();
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        app.start();

        assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
        var mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("kunde@example.test");
        assertThat(mail.getSubject()).contains("möchte Ihre Meinung wissen");
        await("several more rounds of the mail job send it no second time")
                .during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> smtp.getReceivedMessages().length == 1);
    }

    private String activeSurvey(BrowserlessSession admin) {
        admin.get("/feedback");
        var created = admin.post(
                "/feedback/surveys", Map.of("template", "CSAT_DELIVERY", "name", "Lieferung", "defaultLanguage", "de"));
        var path = URI.create(created.headers().firstValue("Location").orElseThrow())
                .getPath();
        admin.get(path);
        var form = new HashMap<String, String>();
        form.put("name", "Lieferung");
        form.put("status", "ACTIVE");
        form.put("defaultLanguage", "de");
        form.put("_widget.enabled", "on"); // the marker a browser sends for the unchecked box
        form.put("widget.delaySeconds", "5");
        form.put("widget.samplingPercent", "100");
        form.put("widget.againAfterDays", "90");
        assertThat(admin.post(path, form).statusCode()).isEqualTo(302);
        return path;
    }
}
