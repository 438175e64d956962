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
    void aManagerBuildsASurveyFromATemplateAndAddsAQuestionWithSkipLogicWithoutTypingAnId() {
        manager.get("/feedback");
        var created = manager.post(
                "/feedback/surveys", Map.of("template", "CSAT_DELIVERY", "name", "Delivery", "defaultLanguage", "de"));
        assertThat(created.statusCode()).isEqualTo(302);
        var path = location(created);
        var builder = manager.get(path);
        assertThat(builder.statusCode()).isEqualTo(200);
        assertThat(builder.body()).contains("Pünktliche Lieferung").contains("Add a question");

        var added = manager.post(path + "/questions", Map.of("type", "STARS"));
        assertThat(added.headers().firstValue("Location").orElseThrow()).endsWith("?edit=stars#q-stars");
        var opened = manager.get(path + "?edit=stars").body();
        assertThat(opened)
                .contains("How would you rate us?")
                .contains("Wie bewerten Sie uns?")
                .contains("<optgroup label=\"How satisfied are you with the delivery?\">")
                .contains("value=\"csat:1:2\"")
                .contains("1 to 2: the low end");

        var saved = manager.post(path + "/questions/stars", question("stars", "1", "csat:1:2"));
        assertThat(saved.statusCode()).isEqualTo(302);
        var survey = surveys.list(tenant.id()).stream()
                .filter(s -> s.name().equals("Delivery"))
                .findFirst()
                .orElseThrow();
        var packaging = survey.definition().question("stars").orElseThrow();
        assertThat(survey.definition().pageOf("stars"))
                .as("moved past the question it depends on")
                .isGreaterThan(survey.definition().pageOf("csat"));
        assertThat(packaging.showIf()).isEqualTo(Condition.between("csat", 1, 2));
        assertThat(packaging.text().de()).isEqualTo("Wie war die Verpackung?");

        var preview = manager.get(path + "/preview?page=" + survey.definition().pageOf("stars") + "&language=de");
        assertThat(preview.body())
                .contains("Vorschau: Antworten werden nicht gespeichert.")
                .contains("Wie war die Verpackung?")
                .contains(
                        "Wird nur gezeigt, wenn die Antwort auf „Wie zufrieden sind Sie mit der Lieferung?“ 1–2 ist.");
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
    void answersAreRowsAnEmptyRowIsDroppedAndNewRowsGetIdsFromTheirLabels() {
        var survey = surveys.create(tenant.id(), SurveyTemplate.NPS_RELATIONSHIP, "Optional", "en");
        var path = "/feedback/surveys/" + survey.id();
        manager.get(path);
        assertThat(manager.post(path + "/questions", Map.of("type", "SINGLE_CHOICE"))
                        .statusCode())
                .isEqualTo(302);
        manager.get(path + "?edit=choice");

        var saved = manager.postFields(
                path + "/questions/choice",
                "id",
                "choice",
                "type",
                "SINGLE_CHOICE",
                "page",
                "1",
                "textDe",
                "Wie haben Sie uns gefunden?",
                "textEn",
                "How did you find us?",
                "choiceId",
                "answer-1",
                "choiceDe",
                "Website",
                "choiceEn",
                "Website",
                "choiceId",
                "answer-2",
                "choiceDe",
                "",
                "choiceEn",
                "",
                "choiceId",
                "",
                "choiceDe",
                "Empfehlung von Freunden",
                "choiceEn",
                "",
                "choiceId",
                "",
                "choiceDe",
                "Telefon",
                "choiceEn",
                "Phone",
                "showIf",
                "");
        assertThat(saved.statusCode()).isEqualTo(302);

        var channel = surveys.get(tenant.id(), survey.id())
                .definition()
                .question("choice")
                .orElseThrow();
        assertThat(channel.required()).as("no box ticked").isFalse();
        assertThat(channel.showIf()).isNull();
        assertThat(channel.choices())
                .extracting(Choice::id)
                .containsExactly("answer-1", "empfehlung-von-freunden", "phone");
        assertThat(channel.choices().get(1).label().en())
                .as("one language given")
                .isEqualTo("Empfehlung von Freunden");

        var scale = manager.postFields(
                path + "/questions/choice",
                "id",
                "choice",
                "type",
                "CSAT",
                "page",
                "1",
                "textDe",
                "Wie zufrieden sind Sie?",
                "textEn",
                "How satisfied are you?",
                "choiceId",
                "answer-1",
                "choiceDe",
                "Website",
                "choiceEn",
                "Website",
                "showIf",
                "");
        assertThat(scale.statusCode())
                .as("the rows do not follow it to a scale")
                .isEqualTo(302);
        assertThat(surveys.get(tenant.id(), survey.id())
                        .definition()
                        .question("choice")
                        .orElseThrow()
                        .choices())
                .isEmpty();
    }

    @Test
    void aManagerInvitesTheCustomersFoundReportsUnknownNamesAndSeesWholeLinksWithQrCodes() {
        var fixture = new FeedbackFixture(context, tenant, port);
        var ida = fixture.customer("builder-invite", "ida@example.com", "de", true);
        fixture.customer("builder-picked", "paul@example.com", "de", true);
        var survey = fixture.activeSurvey(SurveyTemplate.CES_SERVICE, "Invite from the page");
        var path = "/feedback/surveys/" + survey.id();
        manager.get(path);

        var kept = manager.get(path + "/invitations/candidates?q=nobody-at-all&customerId=" + ida.id())
                .body();
        assertThat(kept)
                .as("a tick survives the next search")
                .containsPattern("name=\"customerId\" value=\"" + ida.id() + "\" checked");
        var found =
                manager.get(path + "/invitations/candidates?q=paul%40example").body();
        assertThat(found).contains("paul@example.com").contains("name=\"customerId\"");
        var picked = java.util.regex.Pattern.compile("name=\"customerId\" value=\"([0-9a-f-]{36})\"")
                .matcher(found);
        assertThat(picked.find()).isTrue();
        var invited = manager.post(
                path + "/invitations",
                Map.of(
                        "customers", "builder-invite\nnobody@example.com",
                        "customerId", picked.group(1),
                        "channel", "LINK"));
        assertThat(invited.statusCode()).isEqualTo(302);
        var page = manager.get(path).body();
        assertThat(page)
                .as("the unknown name is reported, everyone else invited")
                .contains(
                        "This name matches no customer and was not invited: nobody@example.com. Everyone else was invited.")
                .contains("ida@example.com")
                .contains("paul@example.com")
                .contains("Link created")
                .doesNotContain(">" + ida.id() + "<");
        var link = java.util.regex.Pattern.compile("value=\"(https?://[^\"]+/i/[A-Za-z0-9_-]{43})\"")
                .matcher(page);
        assertThat(link.find()).as("a whole address to copy").isTrue();
        var qr = java.util.regex.Pattern.compile("src=\"(" + path + "/invitations/[0-9a-f-]{36}/qr\\.svg)\"")
                .matcher(page);
        assertThat(qr.find()).isTrue();
        var svg = manager.get(qr.group(1));
        assertThat(svg.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(svg.body()).startsWith("<svg").contains("<path");

        assertThat(manager.get(path).body())
                .as("open links stay in the recent invitations, for passing on again")
                .contains(link.group(1))
                .doesNotContain("null\"")
                .doesNotContain("of null");
        manager.post(path + "/invitations", Map.of("customers", "paul@example.com", "channel", "EMAIL"));
        assertThat(manager.get(path).body())
                .as("an e-mail invitation has no link to show")
                .doesNotContain("null\"")
                .doesNotContain("of null");
        assertThat(manager.post(path + "/invitations", Map.of("customers", "nobody@example.com", "channel", "LINK"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(manager.get(path).body()).contains("Nobody to invite");
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

    private static Map<String, String> question(String id, String page, String condition) {
        var form = new LinkedHashMap<String, String>();
        form.put("id", id);
        form.put("type", "STARS");
        form.put("page", page);
        form.put("textDe", "Wie war die Verpackung?");
        form.put("textEn", "How was the packaging?");
        form.put("required", "true");
        form.put("showIf", condition);
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
