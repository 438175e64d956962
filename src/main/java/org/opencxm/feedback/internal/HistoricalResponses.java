package org.opencxm.feedback.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.PastResponse;
import org.opencxm.feedback.ResponseHistory;
import org.opencxm.feedback.ResponseId;
import org.opencxm.feedback.SurveyId;
import org.opencxm.feedback.SurveyTemplate;
import org.opencxm.platform.Language;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.Ids;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.InvalidInputException.Problem;
import org.opencxm.touchpoints.TouchpointId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes history for {@link ResponseHistory}: the same rows answering makes, with the times
 * given instead of now, and without what completion sets off (timeline, announcement).
 * Invitations of the past carry no token, so their links cannot be used.
 */
@Service
class HistoricalResponses implements ResponseHistory {

    private final Surveys surveys;
    private final SettingsStore settings;
    private final InvitationStore invitations;
    private final ResponseStore responses;
    private final AnswerStore answers;

    HistoricalResponses(
            Surveys surveys,
            SettingsStore settings,
            InvitationStore invitations,
            ResponseStore responses,
            AnswerStore answers) {
        this.surveys = surveys;
        this.settings = settings;
        this.invitations = invitations;
        this.responses = responses;
        this.answers = answers;
    }

    @Override
    @Transactional
    public SurveyId openSurvey(
            WorkspaceId workspace,
            SurveyTemplate template,
            String name,
            Language language,
            @Nullable TouchpointId touchpoint) {
        var draft = new SurveyDraft(
                name,
                SurveyStatus.ACTIVE,
                language.tag(),
                touchpoint == null ? null : touchpoint.value(),
                template.stage(),
                TemplateDefinitions.definition(template),
                null);
        var survey = surveys.create(workspace, draft);
        return survey.id();
    }

    @Override
    @Transactional
    public void unanswered(WorkspaceId workspace, SurveyId id, Instant sentAt) {
        invitations.insert(handedOut(surveys.get(workspace, id), sentAt), null, null);
    }

    @Override
    @Transactional
    public ResponseId record(WorkspaceId workspace, SurveyId id, PastResponse past) {
        var survey = surveys.get(workspace, id);
        check(survey, past);
        var responseId = new ResponseId(UUID.randomUUID());
        var channel = ResponseChannel.LINK;
        InvitationId invitation = null;
        if (past.invitedAt() != null) {
            var sent = handedOut(survey, past.invitedAt());
            invitations.insert(past.complete() ? sent.answer(past.answeredAt()) : sent, null, null);
            invitation = sent.id();
            responseId = new ResponseId(sent.id().value());
            channel = ResponseChannel.PERSONAL_LINK;
        }
        var origin = new ResponseStore.Origin(
                invitation, null, null, survey.touchpointId(), survey.stage(), survey.defaultLanguage(), channel);
        responses.start(workspace, responseId, survey.id(), origin, past.answeredAt());
        var questions =
                survey.definition().questions().stream().map(Question::id).toList();
        answers.savePage(workspace, responseId, questions, past.answers(), true);
        var pages = past.complete() ? survey.definition().pages().size() : 1;
        responses.advance(workspace, responseId, pages, past.complete(), past.answeredAt());
        return responseId;
    }

    private SurveyInvitation handedOut(Survey survey, Instant sentAt) {
        var valid = Duration.ofDays(settings.settings(survey.workspaceId()).linkValidDays());
        return SurveyInvitation.handedOut(
                new InvitationId(Ids.next()), survey, null, survey.defaultLanguage(), sentAt, sentAt.plus(valid));
    }

    /** Each answer to a question of the survey, once, within what the question admits. */
    private static void check(Survey survey, PastResponse past) {
        var problems = new ArrayList<Problem>();
        var seen = new HashSet<String>();
        for (int i = 0; i < past.answers().size(); i++) {
            var answer = past.answers().get(i);
            var question = survey.definition().question(answer.questionId());
            if (question.isEmpty()
                    || !seen.add(answer.questionId())
                    || !question.get().admits(answer)) {
                problems.add(new Problem("answers[" + i + "]", "respond.error.invalid"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
