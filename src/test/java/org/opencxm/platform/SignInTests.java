package org.opencxm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.platform.internal.NewUser;
import org.opencxm.platform.internal.UserChanges;
import org.opencxm.platform.internal.Users;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.MutableClock;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Sign-in over real HTTP: sessions, throttling of guesses, CSRF, disabled and invited users. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1")
class SignInTests {

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

    @Autowired
    Users users;

    @Autowired
    ApplicationContext context;

    Tenant tenant;

    @BeforeEach
    void setUp() {
        tenant = TenantFixture.from(context).tenant("signin");
    }

    @Test
    void signsInWithTheRightPasswordOnly() {
        assertThat(session().signIn(tenant.email(Role.AGENT), "wrong password!!"))
                .isEqualTo("/login?error");
        assertThat(session().signIn("nobody@nowhere.test", Tenant.PASSWORD)).isEqualTo("/login?error");

        var session = session();
        assertThat(session.signIn(tenant.email(Role.AGENT).toUpperCase(), Tenant.PASSWORD))
                .isEqualTo("/");
        var home = session.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(tenant.user(Role.AGENT).displayName());
    }

    @Test
    void fiveWrongPasswordsMakeOnlyThatAddressWaitAndKnownAndUnknownEMailsAlike() {
        var email = tenant.email(Role.VIEWER);
        var unknown = "nobody-" + java.util.UUID.randomUUID() + "@example.test";
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(from("203.0.113.7").signIn(email, "wrong password " + attempt))
                    .isEqualTo("/login?error");
            assertThat(from("203.0.113.7").signIn(unknown, "wrong password " + attempt))
                    .isEqualTo("/login?error");
        }

        assertThat(from("203.0.113.7").signIn(email, Tenant.PASSWORD))
                .as("the guessing address waits, even with the right password")
                .isEqualTo("/login?wait=1");
        assertThat(from("203.0.113.7").signIn(unknown, Tenant.PASSWORD))
                .as("an unknown e-mail is answered the same")
                .isEqualTo("/login?wait=1");
        assertThat(from("203.0.113.7").get("/login?wait=1").body())
                .contains("Too many failed attempts for this e-mail address from your network")
                .contains("try again in one minute");
        assertThat(from("198.51.100.20").signIn(email, Tenant.PASSWORD))
                .as("the owner, elsewhere, is not locked out")
                .isEqualTo("/");

        clock.advance(Duration.ofSeconds(31));
        assertThat(from("203.0.113.7").signIn(email, "wrong again")).isEqualTo("/login?error");
        assertThat(from("203.0.113.7").signIn(email, Tenant.PASSWORD))
                .as("each further failure doubles the wait")
                .isEqualTo("/login?wait=1");
        clock.advance(Duration.ofSeconds(61));
        assertThat(from("203.0.113.7").signIn(email, Tenant.PASSWORD)).isEqualTo("/");
        assertThat(from("203.0.113.7").signIn(email, "one typo"))
                .as("success forgets the count")
                .isEqualTo("/login?error");
        assertThat(from("203.0.113.7").signIn(email, Tenant.PASSWORD)).isEqualTo("/");
    }

    /** Counting after the password check would let every guess sent at once get through. */
    @Test
    void guessesSentAllAtOnceGetNoMoreTriesThanOneAfterAnother() throws Exception {
        var email = tenant.email(Role.MARKETING);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 20; i++) {
                int guess = i;
                answers.add(pool.submit(() -> from("203.0.113.99").signIn(email, "parallel guess " + guess)));
            }
            var checked = 0;
            for (var answer : answers) {
                var outcome = answer.get();
                assertThat(outcome).isIn("/login?error", "/login?wait=1");
                checked += outcome.equals("/login?error") ? 1 : 0;
            }
            assertThat(checked).as("passwords checked").isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anIpv6ClientCountsByItsNetwork() {
        var email = tenant.email(Role.AGENT);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(from("2001:db8:7:1::" + attempt).signIn(email, "wrong password " + attempt))
                    .isEqualTo("/login?error");
        }

        assertThat(from("2001:db8:7:1:ffff::9").signIn(email, Tenant.PASSWORD)).isEqualTo("/login?wait=1");
        assertThat(from("2001:db8:7:2::1").signIn(email, Tenant.PASSWORD)).isEqualTo("/");
    }

    /** A browser behind the trusted proxy, which says the client's address in X-Forwarded-For. */
    private BrowserlessSession from(String address) {
        return session().withHeader("X-Forwarded-For", address);
    }

    @Test
    void aDisabledUserIsSignedOutOnTheNextClick() {
        var session = session();
        session.signIn(tenant.email(Role.MARKETING), Tenant.PASSWORD);
        assertThat(session.get("/").statusCode()).isEqualTo(200);

        var marketing = tenant.user(Role.MARKETING);
        users.update(
                tenant.id(),
                marketing.id(),
                new UserChanges(marketing.displayName(), marketing.role(), marketing.department(), false));

        var next = session.get("/");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location")).get().asString().endsWith("/login");
        assertThat(session().signIn(marketing.email(), Tenant.PASSWORD)).isEqualTo("/login?error");
    }

    @Test
    void aChangedRoleAppliesWithoutSigningInAgain() {
        var session = session();
        session.signIn(tenant.email(Role.CX_MANAGER), Tenant.PASSWORD);
        var forbidden = session.get("/settings/users");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("No access").contains("Your role does not include this page.");

        var manager = tenant.user(Role.CX_MANAGER);
        users.update(
                tenant.id(),
                manager.id(),
                new UserChanges(manager.displayName(), Role.ADMIN, manager.department(), true));

        assertThat(session.get("/settings/users").statusCode()).isEqualTo(200);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        var session = session();
        session.signIn(tenant.email(Role.ADMIN), Tenant.PASSWORD);

        var forged = session.postRaw(
                "/settings/workspace", Map.of("name", "Forged", "defaultLocale", "en", "timeZone", "Europe/Berlin"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(context.getBean(Workspaces.class).get(tenant.id()).name()).isNotEqualTo("Forged");
    }

    @Test
    void aCsrfTokenThatDecodesToNoTextIsRefusedLikeAnyWrongOne() {
        var session = session();
        session.signIn(tenant.email(Role.ADMIN), Tenant.PASSWORD);
        // As long as a real token's two halves (36 random bytes, then the token XORed with them),
        // but XORing to bytes that are not UTF-8.
        var bytes = new byte[72];
        java.util.Arrays.fill(bytes, 36, 72, (byte) 0xFF);
        var garbled = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        var forged = session.postRaw(
                "/settings/workspace",
                Map.of("name", "Forged", "defaultLocale", "en", "timeZone", "Europe/Berlin", "_csrf", garbled));

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void invitedUsersSignInOnlyAfterChoosingAPassword() {
        var invitation = users.invite(
                tenant.id(),
                new NewUser("invitee." + tenant.id() + "@example.test", "Invitee", Role.AGENT, Department.SERVICE));
        var email = invitation.user().email();
        assertThat(session().signIn(email, "")).isEqualTo("/login?error");

        var session = session();
        assertThat(session.get(invitation.path()).body()).contains("Invitee");
        var mismatch = session.post(
                invitation.path(), Map.of("password", "twelve chars long", "confirmation", "something else"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("The two passwords differ.");

        var accepted = session.post(
                invitation.path(), Map.of("password", "twelve chars long", "confirmation", "twelve chars long"));
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(session().signIn(email, "twelve chars long")).isEqualTo("/");
        assertThat(session().get(invitation.path()).statusCode()).isEqualTo(404);
    }

    @Test
    void theSessionCookieIsHiddenFromScriptsAndOtherSites() {
        var session = session();
        session.get("/login");
        var response = session.post("/login", Map.of("email", tenant.email(Role.AGENT), "password", Tenant.PASSWORD));

        assertThat(response.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("OPENCXM_SESSION=")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));
        var headers = session.get("/").headers();
        assertThat(headers.firstValue("Content-Security-Policy"))
                .get()
                .asString()
                .contains("script-src 'self'");
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    private BrowserlessSession session() {
        return BrowserlessSession.on(port);
    }
}
