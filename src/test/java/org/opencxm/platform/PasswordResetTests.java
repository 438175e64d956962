package org.opencxm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.platform.internal.NewUser;
import org.opencxm.platform.internal.Users;
import org.opencxm.testing.Browser;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.opencxm.testing.WithMovableClockAndMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * "Forgot password" end to end, over real HTTP and a real SMTP server (GreenMail): the same
 * answer for every address, a link that works once and for an hour, and a new password that
 * signs the account out everywhere. Also the profile's own password change.
 */
class PasswordResetTests extends WithMovableClockAndMail {

    private static final Pattern LINK =
            Pattern.compile("http://respond\\.example(/password/reset/pwr_[A-Za-z0-9_-]{43})");
    private static final String OLD = "the old password, long enough";
    private static final String NEW = "a brand new sentence to remember";

    @Autowired
    ApplicationContext context;

    @Autowired
    Users users;

    Tenant tenant;

    @BeforeEach
    void setUp() {
        tenant = TenantFixture.from(context).tenant("reset");
    }

    @Test
    void aForgottenPasswordIsResetOnceThroughTheMailedLinkAndEveryOldSessionEnds() throws Exception {
        var email = person("en");
        var elsewhere = BrowserlessSession.on(port);
        assertThat(elsewhere.signIn(email, OLD)).isEqualTo("/");

        var asked = ask(email);
        assertThat(asked).isEqualTo("/password/forgot?sent");
        var mail = mailTo(email, 1);
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).getSubject()).isEqualTo("Reset your OpenCXM password");
        assertThat(text(mail.get(0), "text/plain")).contains("works once, for 60 minutes");
        var link = link(mail.get(0));

        var browser = BrowserlessSession.on(port);
        var page = browser.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("New password for " + email);
        assertThat(browser.post(link, Map.of("password", NEW, "confirmation", NEW + "!"))
                        .body())
                .contains("The two passwords differ.");
        assertThat(browser.post(link, Map.of("password", "short", "confirmation", "short"))
                        .statusCode())
                .as("a refused password leaves the link usable")
                .isEqualTo(400);
        var saved = browser.post(link, Map.of("password", NEW, "confirmation", NEW));
        assertThat(saved.headers().firstValue("Location")).hasValue("/login?reset");

        assertThat(elsewhere.get("/").statusCode())
                .as("the session signed in with the old password is over")
                .isEqualTo(302);
        assertThat(BrowserlessSession.on(port).signIn(email, OLD)).isEqualTo("/login?error");
        assertThat(BrowserlessSession.on(port).signIn(email, NEW)).isEqualTo("/");
        assertThat(BrowserlessSession.on(port).get(link).statusCode())
                .as("used once")
                .isEqualTo(404);
        assertThat(BrowserlessSession.on(port).get(link).body()).contains("This link is no longer valid");
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        var unknown = "nobody-" + UUID.randomUUID() + "@example.test";
        assertThat(ask(unknown)).isEqualTo("/password/forgot?sent");
        var known = person("en");
        assertThat(ask(known)).isEqualTo("/password/forgot?sent");

        assertThat(mailTo(known, 1)).hasSize(1);
        assertThat(mailTo(unknown, 1)).isEmpty();
        var sent = BrowserlessSession.on(port).get("/password/forgot?sent").body();
        assertThat(sent).contains("If an account exists for this address, a link is on its way.");
    }

    @Test
    void someoneInvitedWhoNeverChoseAPasswordGetsNoLinkTheInvitationIsTheWayIn() throws Exception {
        var email = "invited-" + UUID.randomUUID() + "@example.test";
        users.invite(tenant.id(), new NewUser(email, "Ina Invited", Role.AGENT, Department.SERVICE));

        assertThat(ask(email)).isEqualTo("/password/forgot?sent");
        assertThat(mailTo(email, 1)).isEmpty();
    }

    @Test
    void aLinkExpiresAfterAnHourAndAnAccountGetsAtMostThreeAnHour() throws Exception {
        var email = person("de");
        for (int i = 0; i < 4; i++) {
            assertThat(ask(email)).isEqualTo("/password/forgot?sent");
        }
        var mails = mailTo(email, 4);
        assertThat(mails)
                .as("three links an hour, the fourth ask sends nothing")
                .hasSize(3);
        assertThat(mails.get(0).getSubject()).isEqualTo("Ihr OpenCXM-Passwort zurücksetzen");
        var link = link(mails.get(2));
        assertThat(BrowserlessSession.on(port).get(link).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(61));
        assertThat(BrowserlessSession.on(port).get(link).statusCode()).isEqualTo(404);
        var late = BrowserlessSession.on(port);
        late.get("/password/forgot");
        assertThat(late.post(link, Map.of("password", NEW, "confirmation", NEW)).statusCode())
                .isEqualTo(404);
        assertThat(BrowserlessSession.on(port).signIn(email, OLD)).isEqualTo("/");
    }

    @Test
    void usingOneLinkEndsTheOthers() throws Exception {
        var email = person("en");
        ask(email);
        ask(email);
        var mails = mailTo(email, 2);
        var first = link(mails.get(0));
        var second = link(mails.get(1));
        var browser = BrowserlessSession.on(port);
        browser.get(second);
        assertThat(browser.post(second, Map.of("password", NEW, "confirmation", NEW))
                        .statusCode())
                .isEqualTo(302);

        assertThat(BrowserlessSession.on(port).get(first).statusCode()).isEqualTo(404);
    }

    @Test
    void theProfileChangesThePasswordOnlyWithTheCurrentOneAndKeepsThisSession() throws Exception {
        var email = person("en");
        var other = BrowserlessSession.on(port);
        other.signIn(email, OLD);
        var session = BrowserlessSession.on(port);
        session.signIn(email, OLD);
        session.get("/me");

        var wrong = session.post(
                "/me/password", Map.of("currentPassword", "not my password", "newPassword", NEW, "confirmation", NEW));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("The current password is not right.");
        var changed =
                session.post("/me/password", Map.of("currentPassword", OLD, "newPassword", NEW, "confirmation", NEW));
        assertThat(changed.headers().firstValue("Location")).hasValue("/me?passwordChanged");

        assertThat(session.get("/me?passwordChanged").body()).contains("Your password is changed.");
        assertThat(other.get("/").statusCode()).as("the other session ended").isEqualTo(302);
        assertThat(BrowserlessSession.on(port).signIn(email, NEW)).isEqualTo("/");
    }

    @Test
    void theProfileKeepsLanguageAndAnOwnTimeZone() {
        var email = person("en");
        var session = BrowserlessSession.on(port);
        session.signIn(email, OLD);
        var page = session.get("/me").body();
        assertThat(page).contains("The workspace&#39;s (Berlin)").contains("<optgroup label=\"Europe\">");

        var saved = session.post("/me/preferences", Map.of("lang", "de", "timeZone", "America/New_York"));
        assertThat(saved.headers().firstValue("Location")).hasValue("/me?saved");
        var german = session.get("/me?saved").body();
        assertThat(german).contains("Ihr Profil").contains("<optgroup label=\"Amerika\">");
        assertThat(german).containsPattern("value=\"America/New_York\" selected");

        assertThat(session.post("/me/preferences", Map.of("lang", "de", "timeZone", "Mars/Olympus"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void inChromiumAPersonResetsTheirPasswordFromTheSignInPageAndPicksTheirTimeZone() throws Exception {
        var email = person("de");
        try (var browser = Browser.launch()) {
            var page = browser.newContext("de-DE").newPage();
            page.navigate(url("/login"));
            page.getByText("Passwort vergessen?").click();
            page.getByLabel("E-Mail").fill(email);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Link senden"))
                    .click();
            assertThat(page.locator("[role=status]").textContent()).contains("ist ein Link unterwegs");

            page.navigate(url(link(mailTo(email, 1).get(0))));
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("h1"))
                    .hasText("Neues Passwort wählen");
            page.locator("#password").fill(NEW);
            page.locator("#confirmation").fill(NEW);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Neues Passwort speichern"))
                    .click();
            assertThat(page.locator("[role=status]").textContent()).contains("Ihr neues Passwort ist gespeichert");
            page.locator("#email").fill(email);
            page.locator("#password").fill(NEW);
            page.locator("button[type=submit]").click();
            page.waitForURL(url("/"));

            page.locator("a.who").click();
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("h1"))
                    .hasText("Ihr Profil");
            page.getByLabel("Zeitzonen durchsuchen").fill("wien");
            assertThat(page.locator("#timeZone option:not([hidden])").allTextContents())
                    .as("the German name finds it; the choice stays the person's")
                    .anyMatch(text -> text.startsWith("Wien (UTC+0"));
            page.getByLabel("Zeitzonen durchsuchen").fill("atlantis");
            assertThat(page.locator(".zone-status").textContent()).startsWith("Keine Zeitzone passt");
            page.locator("#timeZone").selectOption("America/New_York");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Speichern"))
                    .click();
            page.waitForURL("**/me?saved");
            page.waitForLoadState();
            assertThat(page.locator("#timeZone").inputValue()).isEqualTo("America/New_York");
            assertThat(page.locator("[role=status]").first().textContent()).isEqualTo("Gespeichert.");
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String person(String language) {
        var email = "person-" + UUID.randomUUID() + "@example.test";
        var account = users.create(tenant.id(), new NewUser(email, "Pat Reset", Role.AGENT, Department.SERVICE), OLD);
        users.changeLocale(account.id(), java.util.Locale.forLanguageTag(language));
        return email;
    }

    private String ask(String email) {
        var browser = BrowserlessSession.on(port);
        browser.get("/password/forgot");
        return browser.post("/password/forgot", Map.of("email", email))
                .headers()
                .firstValue("Location")
                .orElseThrow();
    }

    private static String link(MimeMessage message) {
        var matcher = LINK.matcher(text(message, "text/plain"));
        assertThat(matcher.find()).as("a reset link in the mail").isTrue();
        return matcher.group(1);
    }
}
