package org.opencxm.feedback.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
    public void unanswered(WorkspaceId workspace, SurveyId id, List<Instant> sentAt) {
        var survey = surveys.get(workspace, id);
        var valid = linkValidity(workspace);
        sentAt.forEach(at -> invitations.insert(handedOut(survey, at, valid), null, null));
    }

    @Override
    @Transactional
    public List<ResponseId> record(WorkspaceId workspace, SurveyId id, List<PastResponse> pasts) {
        var survey = surveys.get(workspace, id);
        check(survey, pasts);
        var valid = linkValidity(workspace);
        var questions =
                survey.definition().questions().stream().map(Question::id).toList();
        var recorded = new ArrayList<ResponseId>();
        for (var past : pasts) {
            var responseId = new ResponseId(UUID.randomUUID());
            var channel = ResponseChannel.LINK;
            InvitationId invitation = null;
            if (past.invitedAt() != null) {
                var sent = handedOut(survey, past.invitedAt(), valid);
                invitations.insert(past.complete() ? sent.answer(past.answeredAt()) : sent, null, null);
                invitation = sent.id();
                responseId = new ResponseId(sent.id().value());
                channel = ResponseChannel.PERSONAL_LINK;
            }
            var origin = new ResponseStore.Origin(
                    invitation, null, null, survey.touchpointId(), survey.stage(), survey.defaultLanguage(), channel);
            responses.start(workspace, responseId, survey.id(), origin, past.answeredAt());
            answers.savePage(workspace, responseId, questions, past.answers(), true);
            var pages = past.complete() ? survey.definition().pages().size() : 1;
            responses.advance(workspace, responseId, pages, past.complete(), past.answeredAt());
            recorded.add(responseId);
        }
        return recorded;
    }

    private Duration linkValidity(WorkspaceId workspace) {
        return Duration.ofDays(settings.settings(workspace).linkValidDays());
    }

    private static SurveyInvitation handedOut(Survey survey, Instant sentAt, Duration valid) {
        return SurveyInvitation.handedOut(
                new InvitationId(Ids.next()), survey, null, survey.defaultLanguage(), sentAt, sentAt.plus(valid));
    }

    /** Each answer to a question of the survey, once per response, within what the question admits. */
    private static void check(Survey survey, List<PastResponse> pasts) {
        var problems = new ArrayList<Problem>();
        for (int r = 0; r < pasts.size(); r++) {
            var seen = new HashSet<String>();
            var answers = pasts.get(r).answers();
            for (int i = 0; i < answers.size(); i++) {
                var answer = answers.get(i);
                var question = survey.definition().question(answer.questionId());
                if (question.isEmpty()
                        || !seen.add(answer.questionId())
                        || !question.get().admits(answer)) {
                    problems.add(new Problem("responses[" + r + "].answers[" + i + "]", "respond.error.invalid"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
