package org.opencxm.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.opencxm.customers.CustomerId;
import org.opencxm.feedback.Answer;
import org.opencxm.feedback.ResponseId;
import org.opencxm.feedback.internal.Answering;
import org.opencxm.feedback.internal.Branding;
import org.opencxm.feedback.internal.Brandings;
import org.opencxm.feedback.internal.Entry;
import org.opencxm.feedback.internal.FeedbackExamples;
import org.opencxm.feedback.internal.InvitationChannel;
import org.opencxm.feedback.internal.InvitationId;
import org.opencxm.feedback.internal.InvitationStatus;
import org.opencxm.feedback.internal.Invitations;
import org.opencxm.feedback.internal.Outcome;
import org.opencxm.feedback.internal.Progress;
import org.opencxm.feedback.internal.ResponseChannel;
import org.opencxm.feedback.internal.Survey;
import org.opencxm.feedback.internal.SurveyInvitation;
import org.opencxm.feedback.internal.SurveyStatus;
import org.opencxm.platform.Workspace;
import org.opencxm.platform.Workspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The respondent's pages as a web slice: what each door shows, where a saved page leads, and
 * what reaches the survey, with the answering behind them replaced (it has tests of its own).
 * Respondent pages have no session and no CSRF token, so the slice runs without the filters.
 */
@WebMvcTest(
        controllers = RespondPages.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.opencxm\\.shell\\..*"))
@AutoConfigureMockMvc(addFilters = false)
@Import(SurveyView.class)
class RespondPagesTests {

    private static final String KEY = "abcdefghijklmnopqrstuv";
    private static final String TOKEN = "a".repeat(43);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Answering answering;

    @MockitoBean
    Invitations invitations;

    @MockitoBean
    Brandings brandings;

    @MockitoBean
    Workspaces workspaces;

    private final Survey survey = FeedbackExamples.survey(SurveyStatus.ACTIVE);
    private final ResponseId response = new ResponseId(UUID.randomUUID());

    @BeforeEach
    void anOpenSurveyBehindTheAnonymousLink() {
        when(brandings.of(any())).thenReturn(Branding.NONE);
        when(workspaces.get(any()))
                .thenReturn(new Workspace(
                        survey.workspaceId(),
                        "Beispiel GmbH",
                        java.util.Locale.GERMAN,
                        java.time.ZoneId.of("Europe/Berlin"),
                        java.time.Instant.now(),
                        false,
                        null));
        open(new Entry(survey, null, Entry.Access.OPEN));
    }

    @Test
    void theFirstPageAsksInTheLanguageAskedForAndOffersTheOther() throws Exception {
        var page = get("/s/" + KEY + "?lang=de", "en");

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString())
                .contains("<html lang=\"de\"")
                .contains("Frage")
                .doesNotContain(">Question<")
                .contains("action=\"/s/" + KEY + "/" + response + "/0?lang=de\"")
                .contains("hreflang=\"en\"");
    }

    @Test
    void withoutAChoiceTheBrowsersLanguageCounts() throws Exception {
        assertThat(get("/s/" + KEY, "de-AT,de;q=0.9").getContentAsString()).contains("<html lang=\"de\"");
        assertThat(get("/s/" + KEY, "fr").getContentAsString())
                .as("a language we do not speak falls back to the survey's")
                .contains("<html lang=\"en\"");
    }

    @Test
    void anUnknownLinkIsNotFound() throws Exception {
        when(answering.publicEntry(anyString())).thenReturn(Optional.empty());

        assertThat(get("/s/" + KEY, "en").getStatus()).isEqualTo(404);
    }

    @Test
    void aClosedSurveySaysSoInsteadOfAsking() throws Exception {
        open(new Entry(survey, null, Entry.Access.NOT_ACTIVE));

        var page = get("/s/" + KEY, "en");

        assertThat(page.getStatus()).isEqualTo(404);
        assertThat(page.getContentAsString())
                .contains("This survey is not open")
                .doesNotContain("<form");
    }

    @Test
    void aSavedPageLeadsToTheNextByRedirectAndTheLastToThanks() throws Exception {
        when(answering.submit(any(), any(), eq(0), any(), any(), any(), isNull()))
                .thenReturn(new Outcome.Next(1));
        when(answering.submit(any(), any(), eq(1), any(), any(), any(), isNull()))
                .thenReturn(new Outcome.Done());

        var next = post("/s/" + KEY + "/" + response + "/0?lang=en", Map.of("q.nps", "9"));
        var done = post("/s/" + KEY + "/" + response + "/1?lang=en", Map.of());

        assertThat(next.getStatus()).isEqualTo(302);
        assertThat(next.getRedirectedUrl()).isEqualTo("/s/" + KEY + "/" + response + "?lang=en");
        assertThat(done.getRedirectedUrl()).isEqualTo("/s/" + KEY + "/" + response + "/done?lang=en");
    }

    @Test
    void anInvalidAnswerComesBackWithItsErrorAndWhatWasTyped() throws Exception {
        when(answering.submit(any(), any(), anyInt(), any(), any(), any(), isNull()))
                .thenReturn(new Outcome.Invalid(
                        0,
                        Map.of("nps", "respond.error.required"),
                        Map.of("nps", new Answer("nps", null, null, List.of(), null))));

        var page = post("/s/" + KEY + "/" + response + "/0?lang=en", Map.of());

        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(page.getContentAsString()).contains("Please answer this question.");
    }

    @Test
    void onlyTheAnswerFieldsReachTheSurvey() throws Exception {
        when(answering.submit(any(), any(), anyInt(), any(), any(), any(), isNull()))
                .thenReturn(new Outcome.Done());

        post("/s/" + KEY + "/" + response + "/0?lang=en", Map.of("q.nps", "9", "lang", "en", "extra", "x"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, List<String>>> form = ArgumentCaptor.forClass(Map.class);
        verify(answering)
                .submit(any(), eq(response), eq(0), form.capture(), eq("en"), eq(ResponseChannel.LINK), isNull());
        assertThat(form.getValue()).containsOnlyKeys("q.nps").containsEntry("q.nps", List.of("9"));
    }

    @Test
    void aBotThatFillsTheHiddenFieldIsThankedAndNothingIsSaved() throws Exception {
        var answer = post("/s/" + KEY + "/" + response + "/0?lang=en", Map.of("q.nps", "9", "website", "x"));

        assertThat(answer.getRedirectedUrl()).endsWith("/done?lang=en");
        verify(answering, never()).submit(any(), any(), anyInt(), any(), any(), any(), any());
    }

    @Test
    void aPersonalLinkFromAnEmailCountsAsEmailAndAnExpiredOneIsGone() throws Exception {
        var invitation = invitation();
        when(answering.personalEntry(TOKEN)).thenReturn(Optional.of(new Entry(survey, invitation, Entry.Access.OPEN)));
        when(answering.submit(any(), any(), anyInt(), any(), any(), any(), isNull()))
                .thenReturn(new Outcome.Done());

        post("/i/" + TOKEN + "/0?lang=en", Map.of("q.nps", "10"));

        verify(answering).submit(any(), any(), eq(0), any(), eq("en"), eq(ResponseChannel.EMAIL), isNull());
        when(answering.personalEntry(TOKEN))
                .thenReturn(Optional.of(new Entry(survey, invitation, Entry.Access.EXPIRED)));
        assertThat(get("/i/" + TOKEN, "en").getStatus()).isEqualTo(410);
    }

    @Test
    void unsubscribingAsksFirstAndWithdrawsOnlyOnConfirmation() throws Exception {
        when(invitations.languageOf(TOKEN)).thenReturn(Optional.of("de"));

        var question = get("/i/" + TOKEN + "/unsubscribe", "en");
        verify(invitations, never()).unsubscribe(anyString());
        var confirmed = post("/i/" + TOKEN + "/unsubscribe", Map.of());

        assertThat(question.getStatus()).isEqualTo(200);
        assertThat(question.getContentAsString())
                .as("in the language of the invitation")
                .contains("<html lang=\"de\"");
        assertThat(confirmed.getStatus()).isEqualTo(200);
        verify(invitations).unsubscribe(TOKEN);
    }

    private void open(Entry entry) {
        when(answering.publicEntry(KEY)).thenReturn(Optional.of(entry));
        when(answering.responseId(any(), any())).thenReturn(response);
        when(answering.progress(any(), any())).thenReturn(new Progress(response, 0, false, Map.of()));
    }

    private SurveyInvitation invitation() {
        var sentAt = FeedbackExamples.NOW;
        return new SurveyInvitation(
                new InvitationId(response.value()),
                survey.workspaceId(),
                survey.id(),
                new CustomerId(UUID.randomUUID()),
                InvitationChannel.EMAIL,
                InvitationStatus.SENT,
                null,
                "en",
                "lena@example.com",
                sentAt,
                sentAt,
                sentAt,
                null,
                sentAt.plus(Duration.ofDays(14)),
                null,
                null);
    }

    private org.springframework.mock.web.MockHttpServletResponse get(String path, String acceptLanguage)
            throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).header("Accept-Language", acceptLanguage))
                .andReturn()
                .getResponse();
    }

    private org.springframework.mock.web.MockHttpServletResponse post(String path, Map<String, String> form)
            throws Exception {
        var request = MockMvcRequestBuilders.post(path).header("Accept-Language", "en");
        form.forEach(request::param);
        return mvc.perform(request).andReturn().getResponse();
    }
}
