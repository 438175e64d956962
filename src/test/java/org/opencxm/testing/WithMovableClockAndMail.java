package org.opencxm.testing;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The application with a clock tests move, a real SMTP server (GreenMail) on port 3025 and a
 * support mailbox on IMAP port 3144; the mail jobs run only when a test calls them. Test classes that extend this share one context.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.mail.host=localhost",
            "spring.mail.port=3025",
            "spring.mail.properties.mail.smtp.starttls.enable=false",
            "opencxm.public-url=http://respond.example",
            "opencxm.feedback.mail-interval=1h",
            "opencxm.feedback.trigger-interval=1h",
            "opencxm.rate-limit.password-reset-per-hour=1000",
            "opencxm.cases.mailbox.address=support@firma.test",
            "opencxm.cases.mailbox.host=localhost",
            "opencxm.cases.mailbox.port=3144",
            "opencxm.cases.mailbox.ssl=false",
            "opencxm.cases.mailbox.username=support@firma.test",
            "opencxm.cases.mailbox.password=support-password"
        })
@Import(WithMovableClockAndMail.MovableTime.class)
public abstract class WithMovableClockAndMail {

    @RegisterExtension
    protected static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    /** The support mailbox cases read replies from, over IMAP; mails are put into it directly. */
    @RegisterExtension
    protected static GreenMailExtension supportMailbox = new GreenMailExtension(
                    new com.icegreen.greenmail.util.ServerSetup(3144, null, "imap"))
            .withConfiguration(com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig()
                    .withUser("support@firma.test", "support@firma.test", "support-password"));

    @TestConfiguration
    public static class MovableTime {

        @Bean
        @Primary
        MutableClock testClock() {
            return MutableClock.startingNow();
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    /** The messages received for this address, once {@code expected} messages in all have arrived (or 5 s passed). */
    protected static List<MimeMessage> mailTo(String address, int expected) throws Exception {
        smtp.waitForIncomingEmail(5000, expected);
        var found = new java.util.ArrayList<MimeMessage>();
        for (var message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                found.add(message);
            }
        }
        return found;
    }

    /** The decoded text of the message's part of that type. */
    protected static String text(jakarta.mail.Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    var found = text(multipart.getBodyPart(i), type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
