package org.opencxm.feedback.internal;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencxm.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The application with a clock tests move and a real SMTP server (GreenMail) on port 3025; the
 * mail job runs only when a test calls it. Test classes that extend this share one context.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.mail.host=localhost",
            "spring.mail.port=3025",
            "spring.mail.properties.mail.smtp.starttls.enable=false",
            "opencxm.public-url=http://respond.example",
            "opencxm.feedback.mail-interval=1h",
            "opencxm.feedback.trigger-interval=1h"
        })
@Import(WithMovableClockAndMail.MovableTime.class)
abstract class WithMovableClockAndMail {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @TestConfiguration
    static class MovableTime {

        @Bean
        @Primary
        MutableClock testClock() {
            return MutableClock.startingNow();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;
}
