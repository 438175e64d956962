package org.opencxm.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.feedback.internal.Choice;
import org.opencxm.feedback.internal.Condition;
import org.opencxm.feedback.internal.FeedbackSettings;
import org.opencxm.feedback.internal.Invitations;
import org.opencxm.feedback.internal.LocalizedText;
import org.opencxm.feedback.internal.SurveyStatus;
import org.opencxm.feedback.internal.Surveys;
import org.opencxm.feedback.internal.WidgetSettings;
import org.opencxm.platform.Role;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The survey builder and results pages as a CX manager and a viewer use them, over real HTTP. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SurveyBuilderPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Surveys surveys;

    Tenant tenant;
    BrowserlessSession manager;

    @BeforeEach
    void setUp() {
        tenant = TenantFixture.from(context).tenant("builder");
        manager = BrowserlessSession.on(port);
        manager.signIn(tenant.email(Role.CX_MANAGER), Tenant.PASSWORD);
    }

    @Test
    void aManagerBuildsASurveyFromATemplateAndAddsAQuestionWithSkipLogic() {
        manager.get("/feedback");
        var created = manager.post(
                "/feedback/surveys", Map.of("template", "CSAT_DELIVERY", "name", "Delivery", "defaultLanguage", "de"));
        assertThat(created.statusCode()).isEqualTo(302);
        var path = location(created);
        var builder = manager.get(path);
        assertThat(builder.statusCode()).isEqualTo(200);
        assertThat(builder.body()).contains("csat").contains("on_time").contains("what_went_wrong");

        var forward = question("packaging", "1", "csat", "1", "3");
        var refused = manager.post(path + "/questions", forward);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Skip logic can only refer to a question on an earlier page.");

        var added = manager.post(path + "/questions", question("packaging", "2", "csat", "1", "3"));
        assertThat(added.statusCode()).isEqualTo(302);
        var survey = surveys.list(tenant.id()).stream()
                .filter(s -> s.name().equals("Delivery"))
                .findFirst()
                .orElseThrow();
        var packaging = survey.definition().question("packaging").orElseThrow();
        assertThat(survey.definition().pageOf("packaging")).isEqualTo(1);
        assertThat(packaging.showIf()).isEqualTo(Condition.between("csat", 1, 3));
        assertThat(packaging.text().de()).isEqualTo("Wie war die Verpackung?");

        var preview = manager.get(path + "/preview?page=1&lang=de");
        assertThat(preview.body())
                .contains("Vorschau: Antworten werden nicht gespeichert.")
                .contains("Wie war die Verpackung?")
                .contains("Wird nur gezeigt, wenn die Antwort auf „csat“ 1–3 ist.");
    }

    @Test
    void aManagerActivatesASurveyAndSwitchesOnTheWidget() {
        var survey = surveys.create(tenant.id(), SurveyTemplate.CES_SERVICE, "Hotline", "de");
        var path = "/feedback/surveys/" + survey.id();
        manager.get(path);
        var form = new LinkedHashMap<String, String>();
        form.put("name", "Hotline CES");
        form.put("status", "ACTIVE");
        form.put("defaultLanguage", "de");
        form.put("touchpointId", "");
        form.put("stage", "USAGE");
        form.put("introDe", "");
        form.put("introEn", "");
        form.put("thankYouDe", "Danke!");
        form.put("thankYouEn", "Thanks!");
        form.put("widget.enabled", "true");
        form.put("_widget.enabled", "on");
        form.put("widget.urlPattern", "/hilfe/*");
        form.put("widget.delaySeconds", "10");
        form.put("widget.samplingPercent", "25");
        form.put("widget.againAfterDays", "60");

        var saved = manager.post(path, form);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        var changed = surveys.get(tenant.id(), survey.id());
        assertThat(changed.status()).isEqualTo(SurveyStatus.ACTIVE);
        assertThat(changed.name()).isEqualTo("Hotline CES");
        assertThat(changed.definition().thankYou()).isEqualTo(LocalizedText.of("Danke!", "Thanks!"));
        assertThat(changed.widget()).isEqualTo(new WidgetSettings(true, "/hilfe/*", 10, 25, 60));

        form.put("widget.samplingPercent", "0");
        var refused = manager.post(path, form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("class=\"field-error\"");

        form.put("widget.samplingPercent", "25");
        form.remove("widget.enabled");
        assertThat(manager.post(path, form).statusCode()).as("an unchecked box").isEqualTo(302);
        assertThat(surveys.get(tenant.id(), survey.id()).widget().enabled()).isFalse();
    }

    @Test
    void theInvitationRulesAreShownAndChangedOnTheirPage() {
        assertThat(manager.get("/feedback/settings").body()).contains("value=\"30\"");

        var saved = manager.post(
                "/feedback/settings",
                Map.of(
                        "invitationGapDays", "45",
                        "reminderAfterDays", "0",
                        "linkValidDays", "7",
                        "_requireEmailOptIn", "on"));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(context.getBean(Invitations.class).settings(tenant.id()))
                .isEqualTo(new FeedbackSettings(45, 0, 7, false));
        assertThat(manager.post(
                                "/feedback/settings",
                                Map.of("invitationGapDays", "400", "reminderAfterDays", "0", "linkValidDays", "7"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void anOptionalQuestionIsAddedWithoutTheRequiredBox() {
        var survey = surveys.create(tenant.id(), SurveyTemplate.NPS_RELATIONSHIP, "Optional", "en");
        var path = "/feedback/surveys/" + survey.id();
        manager.get(path);
        var form = question("channel", "2", "", "", "");
        form.remove("required");
        form.put("type", "SINGLE_CHOICE");
        form.put("choices", "web | Website | Website\nphone | Telefon | Phone");

        assertThat(manager.post(path + "/questions", form).statusCode()).isEqualTo(302);

        var channel = surveys.get(tenant.id(), survey.id())
                .definition()
                .question("channel")
                .orElseThrow();
        assertThat(channel.required()).isFalse();
        assertThat(channel.showIf()).isNull();
        assertThat(channel.choices()).extracting(Choice::id).containsExactly("web", "phone");
    }

    @Test
    void aManagerInvitesCustomersAndSeesTheirPersonalLinksOnce() {
        var fixture = new FeedbackFixture(context, tenant, port);
        fixture.customer("builder-invite", "ida@example.com", "de", true);
        var survey = fixture.activeSurvey(SurveyTemplate.CES_SERVICE, "Invite from the page");
        var path = "/feedback/surveys/" + survey.id();
        manager.get(path);

        var invited = manager.post(
                path + "/invitations", Map.of("customers", "builder-invite\nnobody@example.com", "channel", "LINK"));
        assertThat(manager.get(path).body()).contains("nobody@example.com");

        invited = manager.post(path + "/invitations", Map.of("customers", "ida@example.com", "channel", "LINK"));
        assertThat(invited.statusCode()).isEqualTo(302);
        var page = manager.get(path).body();
        assertThat(page).containsPattern("/i/[A-Za-z0-9_-]{43}");
        assertThat(manager.get(path).body()).as("shown once").doesNotContainPattern("/i/[A-Za-z0-9_-]{43}");
    }

    @Test
    void aViewerSeesResultsButNotTheBuilder() {
        var survey = surveys.create(tenant.id(), SurveyTemplate.NPS_RELATIONSHIP, "Viewer check", "en");
        var viewer = BrowserlessSession.on(port);
        viewer.signIn(tenant.email(Role.VIEWER), Tenant.PASSWORD);

        assertThat(viewer.get("/feedback").body()).contains("Viewer check");
        assertThat(viewer.get("/feedback/surveys/" + survey.id() + "/results").statusCode())
                .isEqualTo(200);
        assertThat(viewer.get("/feedback/surveys/" + survey.id()).statusCode()).isEqualTo(403);
        assertThat(viewer.get("/feedback/surveys/" + survey.id() + "/responses.csv")
                        .statusCode())
                .isEqualTo(403);
    }

    private static Map<String, String> question(String id, String page, String condition, String min, String max) {
        var form = new LinkedHashMap<String, String>();
        form.put("id", id);
        form.put("type", "STARS");
        form.put("page", page);
        form.put("textDe", "Wie war die Verpackung?");
        form.put("textEn", "How was the packaging?");
        form.put("required", "true");
        form.put("showIfQuestion", condition);
        form.put("showIfMin", min);
        form.put("showIfMax", max);
        return form;
    }

    private static String location(java.net.http.HttpResponse<String> response) {
        return response.headers()
                .firstValue("Location")
                .orElseThrow()
                .replaceFirst("^https?://[^/]+", "")
                .replaceFirst("\\?.*$", "");
    }
}
