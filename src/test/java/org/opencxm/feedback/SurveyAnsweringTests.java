package org.opencxm.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.customers.Customers;
import org.opencxm.feedback.internal.Answering;
import org.opencxm.feedback.internal.InvitationChannel;
import org.opencxm.feedback.internal.Invitations;
import org.opencxm.feedback.internal.ResponseChannel;
import org.opencxm.feedback.internal.Survey;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.opencxm.touchpoints.Interaction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Answering surveys over real HTTP, as a browser without JavaScript does: forms, redirects, pages. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RecordApplicationEvents
@EnableScenarios
class SurveyAnsweringTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Invitations invitations;

    @Autowired
    Customers customers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Answering answering;

    @Autowired
    ApplicationEvents events;

    Tenant tenant;
    FeedbackFixture fixture;
    BrowserlessSession browser;

    @BeforeEach
    void setUp() {
        tenant = TenantFixture.from(context).tenant("answering");
        fixture = new FeedbackFixture(context, tenant, port);
        browser = new BrowserlessSession("http://localhost:" + port, "en");
    }

    @Test
    void personalLinkLeadsThroughSkipLogicToThanksAndOntoTheTimeline() {
        var customer = fixture.customer("answer-1", "mia@example.com", "de", true);
        var survey = fixture.activeSurvey(SurveyTemplate.NPS_RELATIONSHIP, "Relationship NPS");
        var link = invitations
                .invite(tenant.id(), survey.id(), List.of(customer.id()), InvitationChannel.LINK)
                .get(0)
                .link();

        var first = browser.get(link);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Wie wahrscheinlich ist es").contains("name=\"q.nps\"");

        var saved = browser.postRaw(link + "/0", Map.of("q.nps", "4"));
        assertThat(saved.statusCode()).isEqualTo(302);
        var second = browser.get(location(saved));
        assertThat(second.body())
                .contains("Was sollten wir vor allem besser machen?")
                .doesNotContain("Was gefällt Ihnen am besten?")
                .contains("Seite 2 von 2");

        var done = browser.postRaw(link + "/1", Map.of("q.improve", "Schnellere Lieferung"));
        assertThat(location(done)).startsWith(link + "/done");
        assertThat(browser.get(location(done)).body()).contains("Vielen Dank für Ihre Antwort!");

        var again = browser.get(link);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("Sie haben bereits geantwortet");

        assertThat(customers.timeline(tenant.id(), customer.id(), null, null, 10))
                .filteredOn(interaction -> "Survey Responded".equals(interaction.name()))
                .singleElement()
                .extracting(Interaction::properties)
                .asString()
                .contains("\"nps\": 4")
                .contains("Schnellere Lieferung");
    }

    @Test
    void aCompletedResponseIsAnnouncedOnceWithItsCustomerAndScore(Scenario scenario) {
        var customer = fixture.customer("announce-1", "jo@example.com", "en", true);
        var survey = fixture.activeSurvey(SurveyTemplate.CES_SERVICE, "Announced");
        var invitation = invitations
                .invite(tenant.id(), survey.id(), List.of(customer.id()), InvitationChannel.LINK)
                .get(0);
        var entry = answering.personalEntry(invitation.link().substring(3)).orElseThrow();
        var response = answering.responseId(entry, null);
        var form = Map.of("q.ces", List.of("2"), "q.comment", List.of("Took three calls"));
        var ownStage = org.awaitility.Awaitility.await()
                .until(
                        () -> customers
                                .profile(tenant.id(), customer.id())
                                .customer()
                                .stage(),
                        java.util.Objects::nonNull);

        scenario.stimulate(() -> {
                    answering.submit(entry, response, 0, form, "en", ResponseChannel.PERSONAL_LINK, null);
                    answering.submit(entry, response, 0, form, "en", ResponseChannel.PERSONAL_LINK, null);
                })
                .andWaitForEventOfType(SurveyResponseRecorded.class)
                .matching(recorded -> recorded.responseId().equals(response))
                .toArriveAndVerify(recorded -> {
                    assertThat(recorded.customerId()).isEqualTo(customer.id());
                    assertThat(recorded.surveyId()).isEqualTo(survey.id());
                    assertThat(recorded.scoreType()).isEqualTo(QuestionType.CES);
                    assertThat(recorded.score()).isEqualTo(2);
                    // the respondent's own stage (a named lead), not the one the survey asks about
                    assertThat(recorded.stage()).isEqualTo(ownStage).isNotEqualTo(survey.stage());
                });
        assertThat(events.stream(SurveyResponseRecorded.class))
                .as("the repeated submit announces nothing more")
                .hasSize(1);
    }

    @Test
    void theAnonymousLinkCannotTakeACustomersPersonalResponse() {
        var customer = fixture.customer("taken-1", "kim@example.com", "en", true);
        var survey = fixture.activeSurvey(SurveyTemplate.CES_SERVICE, "Not yours");
        var invitation = invitations
                .invite(tenant.id(), survey.id(), List.of(customer.id()), InvitationChannel.LINK)
                .get(0);
        var stranger = new BrowserlessSession("http://localhost:" + port, "en");

        var squat = stranger.postRaw("/s/" + survey.publicKey() + "/" + invitation.id() + "/0", Map.of("q.ces", "1"));
        var resume = stranger.get("/s/" + survey.publicKey() + "/" + invitation.id());
        var own = browser.postRaw(invitation.link() + "/0", Map.of("q.ces", "6"));

        assertThat(squat.statusCode()).isEqualTo(404);
        assertThat(resume.statusCode()).isEqualTo(404);
        assertThat(own.statusCode()).isEqualTo(302);
        assertThat(location(own))
                .as("the customer's own link still takes the answer")
                .contains("/done");
    }

    @Test
    void aDoubleSubmitStoresOneResponse() {
        var survey = fixture.activeSurvey(SurveyTemplate.CES_SERVICE, "Hotline CES");
        var start = browser.get("/s/" + survey.publicKey());
        var action = action(start);

        var first = browser.postRaw(action, Map.of("q.ces", "6", "q.comment", "Quick"));
        var second = browser.postRaw(action, Map.of("q.ces", "6", "q.comment", "Quick"));

        assertThat(location(first)).contains("/done");
        assertThat(location(second)).isEqualTo(location(first));
        assertThat(count(
                        "select count(*) from survey_response where survey_id = ? and completed_at is not null",
                        survey))
                .isEqualTo(1);
    }

    @Test
    void leavingHalfWayLeavesAPartialResponse() {
        var survey = fixture.activeSurvey(SurveyTemplate.NPS_RELATIONSHIP, "Partial");
        var action = action(browser.get("/s/" + survey.publicKey()));

        browser.postRaw(action, Map.of("q.nps", "9"));

        assertThat(count("select count(*) from survey_response where survey_id = ? and completed_at is null", survey))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from survey_answer a join survey_response r on r.id = a.response_id"
                                + " where r.survey_id = ? and a.value = 9",
                        survey))
                .isEqualTo(1);
    }

    @Test
    void aMissingOrOutOfRangeAnswerIsRefusedInTheRespondentsLanguage() {
        var survey = fixture.activeSurvey(SurveyTemplate.NPS_RELATIONSHIP, "Required");
        var action = action(browser.get("/s/" + survey.publicKey()));

        var missing = browser.postRaw(action, Map.of());
        var outOfRange = browser.postRaw(action, Map.of("q.nps", "11"));
        var german = browser.postRaw(action.replace("lang=en", "lang=de"), Map.of());

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Please answer this question.");
        assertThat(outOfRange.body()).contains("This answer is not one of the options.");
        assertThat(german.body()).contains("Bitte beantworten Sie diese Frage.");
        assertThat(count("select count(*) from survey_response where survey_id = ?", survey))
                .isZero();
    }

    @Test
    void aFilledHoneypotIsThankedButNotStored() {
        var survey = fixture.activeSurvey(SurveyTemplate.CES_SERVICE, "Bots");
        var action = action(browser.get("/s/" + survey.publicKey()));

        var bot = browser.postRaw(action, Map.of("q.ces", "7", "website", "http://spam.example"));

        assertThat(location(bot)).contains("/done");
        assertThat(count("select count(*) from survey_response where survey_id = ?", survey))
                .isZero();
    }

    @Test
    void unknownAndClosedSurveysAreNotFound() {
        assertThat(browser.get("/s/AAAAAAAAAAAAAAAAAAAAAA").statusCode()).isEqualTo(404);
        assertThat(browser.get("/i/" + "A".repeat(43)).statusCode()).isEqualTo(404);
    }

    private long count(String sql, Survey survey) {
        return jdbc.sql(sql).param(survey.id().value()).query(Long.class).single();
    }

    private static String location(HttpResponse<String> response) {
        var location = response.headers().firstValue("Location").orElseThrow();
        return location.replaceFirst("^https?://[^/]+", "");
    }

    private static String action(HttpResponse<String> page) {
        var matcher = java.util.regex.Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(matcher.find()).as("form on the page").isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }
}
