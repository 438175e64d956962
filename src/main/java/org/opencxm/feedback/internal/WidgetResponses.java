package org.opencxm.feedback.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.Customers;
import org.opencxm.feedback.Answer;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.ResponseId;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.InvalidInputException.Problem;
import org.opencxm.platform.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers from the website widget: the survey's first rating question and an optional comment,
 * recorded as one complete response of the visitor (linked to their profile when the snippet
 * knows them). The widget sends its own response id, so a retried request records nothing new.
 */
@Service
public class WidgetResponses {

    private final SurveyStore surveys;
    private final ResponseStore responses;
    private final AnswerStore answers;
    private final ResponseCompletion completion;
    private final Customers customers;
    private final RespondentStages stages;
    private final Clock clock;

    WidgetResponses(
            SurveyStore surveys,
            ResponseStore responses,
            AnswerStore answers,
            ResponseCompletion completion,
            Customers customers,
            RespondentStages stages,
            Clock clock) {
        this.surveys = surveys;
        this.responses = responses;
        this.answers = answers;
        this.completion = completion;
        this.customers = customers;
        this.stages = stages;
        this.clock = clock;
    }

    /** The surveys a workspace shows in its widget. */
    @Transactional(readOnly = true)
    public List<Survey> shown(WorkspaceId workspace) {
        return surveys.list(workspace).stream()
                .filter(survey -> survey.open() && survey.widget().enabled())
                .filter(survey -> survey.definition().headline().isPresent())
                .toList();
    }

    @Transactional
    public void record(
            WorkspaceId workspace,
            String publicKey,
            UUID responseId,
            @Nullable String userId,
            @Nullable String anonymousId,
            @Nullable Integer score,
            @Nullable String comment,
            String language) {
        var survey = surveys.findByPublicKey(publicKey)
                .filter(s -> s.workspaceId().equals(workspace)
                        && s.open()
                        && s.widget().enabled())
                .orElseThrow(() -> new NotFoundException("survey", publicKey));
        var headline = survey.definition().headline().orElseThrow(() -> new NotFoundException("survey", publicKey));
        var commentQuestion = survey.definition().questions().stream()
                .filter(q -> q.type() == QuestionType.FREE_TEXT)
                .findFirst();
        var problems = new ArrayList<Problem>();
        if (score == null
                || score < headline.type().min()
                || score > headline.type().max()) {
            problems.add(new Problem("score", "respond.error.invalid"));
        }
        if (comment != null && comment.length() > AnswerForm.MAX_TEXT) {
            problems.add(new Problem("comment", "respond.error.tooLong"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var id = new ResponseId(Answering.respondentChosen(responseId.toString()));
        var existing = responses.find(workspace, id);
        if (existing.isPresent()) {
            if (!existing.get().surveyId().equals(survey.id()) || existing.get().invitationId() != null) {
                throw new NotFoundException("response", id);
            }
            return;
        }
        var now = clock.instant();
        var customer = customers
                .byIdentity(workspace, userId, anonymousId)
                .map(profile -> profile.customer().id())
                .orElse(null);
        responses.start(
                workspace,
                id,
                survey.id(),
                new ResponseStore.Origin(
                        null,
                        customer,
                        anonymousId,
                        survey.touchpointId(),
                        stages.of(survey, customer, anonymousId),
                        language,
                        ResponseChannel.WIDGET),
                now);
        var answers = new ArrayList<Answer>();
        answers.add(new Answer(headline.id(), score, null, List.of(), null));
        var ids = new ArrayList<>(List.of(headline.id()));
        if (comment != null && !comment.isBlank() && commentQuestion.isPresent()) {
            answers.add(new Answer(commentQuestion.get().id(), null, null, List.of(), comment.strip()));
            ids.add(commentQuestion.get().id());
        }
        this.answers.savePage(workspace, id, ids, answers, true);
        if (responses.advance(workspace, id, survey.definition().pages().size(), true, now)) {
            var byQuestion = new HashMap<String, Answer>();
            answers.forEach(answer -> byQuestion.put(answer.questionId(), answer));
            completion.completed(survey, null, customer, id, anonymousId, byQuestion, now);
        }
    }
}
