package org.opencxm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The admin's settings pages over real HTTP, with bad input answered by 400 and field errors. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SettingsPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Workspaces workspaces;

    @Autowired
    ApiKeyManagement apiKeys;

    @Autowired
    ApiKeys authentication;

    Tenant tenant;
    BrowserlessSession admin;

    @BeforeEach
    void setUp() {
        tenant = TenantFixture.from(context).tenant("settings");
        admin = new BrowserlessSession("http://localhost:" + port, "de");
        admin.signIn(tenant.email(Role.ADMIN), Tenant.PASSWORD);
    }

    @Test
    void savesWorkspaceSettingsAndRejectsAnUnknownTimeZone() {
        admin.get("/settings/workspace");
        var invalid = admin.post(
                "/settings/workspace", Map.of("name", "", "defaultLocale", "fr", "timeZone", "Mars/Olympus"));

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body())
                .contains("Bitte füllen Sie dieses Feld aus.")
                .contains("Wählen Sie Deutsch (de) oder Englisch (en).")
                .contains("Wählen Sie eine gültige Zeitzone wie Europe/Berlin.");
        assertThat(workspaces.get(tenant.id()).name()).startsWith("Workspace settings");

        var saved = admin.post(
                "/settings/workspace",
                Map.of("name", "Müller & Söhne <GmbH>", "defaultLocale", "de", "timeZone", "Europe/Vienna"));

        assertThat(saved.statusCode()).isEqualTo(302);
        var workspace = workspaces.get(tenant.id());
        assertThat(workspace.name()).isEqualTo("Müller & Söhne <GmbH>");
        assertThat(workspace.timeZone().getId()).isEqualTo("Europe/Vienna");
        assertThat(admin.get("/").body())
                .contains("Müller &amp; Söhne &lt;GmbH&gt;")
                .doesNotContain("<GmbH>");
    }

    @Test
    void invitesAUserAndShowsTheLinkOnce() {
        admin.get("/settings/users/new");
        var invalid = admin.post(
                "/settings/users",
                Map.of("email", "kein-mail", "displayName", "", "role", "AGENT", "department", "SERVICE"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("Bitte geben Sie eine gültige E-Mail-Adresse ein.");

        var email = "neu." + tenant.id() + "@example.test";
        var invited = admin.post(
                "/settings/users",
                Map.of("email", email, "displayName", "Neue Kollegin", "role", "AGENT", "department", "SERVICE"));

        assertThat(invited.statusCode()).isEqualTo(200);
        assertThat(invited.body()).contains("Einladung erstellt").containsPattern("/invitation/inv_[\\w-]{43}");
        assertThat(admin.get("/settings/users").body()).contains(email).contains("eingeladen");
    }

    @Test
    void createsAKeyShowsItOnceAndRevokesIt() {
        admin.get("/settings/api-keys");
        var missingRole = admin.post("/settings/api-keys", Map.of("name", "BI", "kind", "MANAGEMENT", "role", ""));
        assertThat(missingRole.statusCode()).isEqualTo(400);
        assertThat(missingRole.body()).contains("Ein Verwaltungs-Token braucht eine Rolle.");

        var created = admin.post("/settings/api-keys", Map.of("name", "Webshop", "kind", "WRITE", "role", "ADMIN"));
        assertThat(created.statusCode()).isEqualTo(200);
        var token = created.body().replaceAll("(?s).*id=\"created-token\">([^<]+)<.*", "$1");
        assertThat(token).startsWith("ocx_w_");
        assertThat(created.body())
                .contains("data-write-key=&quot;" + token + "&quot;")
                .contains("/js/opencxm.js");
        var key = authentication.authenticate(token, ApiKeyKind.WRITE).orElseThrow();
        assertThat(key.role()).as("a write key never has a role").isNull();
        assertThat(admin.get("/settings/api-keys").body()).doesNotContain(token);

        admin.get("/settings/api-keys");
        var revoked = admin.post("/settings/api-keys/" + key.id() + "/revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(authentication.authenticate(token, ApiKeyKind.WRITE)).isEmpty();
    }

    @Test
    void aNegativePageIsABadRequest() {
        assertThat(admin.get("/settings/users?page=-1").statusCode()).isEqualTo(400);
    }

    @Test
    void aCostIsTypedAndShownAsTheReadersLanguageWritesIt() {
        var touchpoints = context.getBean(org.opencxm.touchpoints.Touchpoints.class);
        admin.get("/settings/touchpoints");

        var saved = admin.post("/settings/touchpoints", touchpoint("hotline", "3,50"));
        var ambiguous = admin.post("/settings/touchpoints", touchpoint("chat", "3.50"));

        assertThat(saved.statusCode()).isEqualTo(302);
        var hotline = touchpoints.findByKey(tenant.id(), "hotline").orElseThrow();
        assertThat(hotline.costPerContact()).isEqualByComparingTo("3.50");
        assertThat(admin.get("/settings/touchpoints/" + hotline.id()).body()).contains("value=\"3,50\"");
        assertThat(ambiguous.statusCode())
                .as("no German writes 3.50 for three euros fifty")
                .isEqualTo(400);
        assertThat(ambiguous.body()).contains("Geben Sie eine Zahl wie 3,50 oder 1.234,50 ein.");
        assertThat(touchpoints.findByKey(tenant.id(), "chat")).isEmpty();

        var english = new BrowserlessSession("http://localhost:" + port, "en");
        english.signIn(tenant.email(Role.ADMIN), Tenant.PASSWORD);
        english.get("/settings/touchpoints");
        assertThat(english.post("/settings/touchpoints", touchpoint("field", "1,234.50"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(touchpoints.findByKey(tenant.id(), "field").orElseThrow().costPerContact())
                .isEqualByComparingTo("1234.50");
    }

    private static Map<String, String> touchpoint(String key, String cost) {
        return Map.of(
                "key",
                key,
                "name",
                key,
                "channel",
                "CALL_CENTER",
                "department",
                "SERVICE",
                "costPerContact",
                cost,
                "active",
                "true");
    }
}
