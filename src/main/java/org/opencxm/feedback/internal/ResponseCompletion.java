package org.opencxm.feedback.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.Customers;
import org.opencxm.customers.IdentityKind;
import org.opencxm.feedback.Answer;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.ResponseId;
import org.opencxm.feedback.SurveyResponseRecorded;
import org.opencxm.touchpoints.Interactions;
import org.opencxm.touchpoints.TouchpointId;
import org.opencxm.touchpoints.Touchpoints;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What follows a completed response, in its transaction: the invitation counts as answered,
 * the response appears on the customer's timeline as {@code Survey Responded}, and {@link
 * SurveyResponseRecorded} tells the other modules.
 */
@Component
class ResponseCompletion {

    static final String TIMELINE_EVENT = "Survey Responded";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InvitationStore invitations;
    private final Customers customers;
    private final Interactions interactions;
    private final Touchpoints touchpoints;
    private final RespondentStages stages;
    private final ApplicationEventPublisher events;

    ResponseCompletion(
            InvitationStore invitations,
            Customers customers,
            Interactions interactions,
            Touchpoints touchpoints,
            RespondentStages stages,
            ApplicationEventPublisher events) {
        this.invitations = invitations;
        this.customers = customers;
        this.interactions = interactions;
        this.touchpoints = touchpoints;
        this.stages = stages;
        this.events = events;
    }

    void completed(
            Survey survey,
            @Nullable SurveyInvitation invitation,
            @Nullable CustomerId respondent,
            ResponseId response,
            @Nullable String anonymousId,
            Map<String, Answer> answers,
            Instant at) {
        var workspace = survey.workspaceId();
        var customer = respondent;
        String reference = null;
        if (invitation != null) {
            reference = invitations.reference(workspace, invitation.id());
            invitations
                    .lock(workspace, invitation.id())
                    .map(current -> current.answer(at))
                    .ifPresent(invitations::save);
            customer = invitation.customerId();
        }
        var headline = survey.definition().headline().orElse(null);
        var score = headline == null || !answers.containsKey(headline.id())
                ? null
                : answers.get(headline.id()).value();
        onTimeline(survey, customer, anonymousId, response, headline, score, answers, at);
        events.publishEvent(new SurveyResponseRecorded(
                workspace,
                response,
                survey.id(),
                customer,
                survey.touchpointId(),
                stages.of(survey, customer, anonymousId),
                headline == null ? null : headline.type(),
                score,
                at,
                reference));
    }

    private void onTimeline(
            Survey survey,
            @Nullable CustomerId customer,
            @Nullable String anonymousId,
            ResponseId response,
            @Nullable Question headline,
            @Nullable Integer score,
            Map<String, Answer> answers,
            Instant at) {
        String userId = null;
        if (customer != null) {
            var profile = customers.profile(survey.workspaceId(), customer);
            userId = profile.ids(IdentityKind.USER_ID).stream().findFirst().orElse(null);
            if (userId == null) {
                anonymousId = profile.ids(IdentityKind.ANONYMOUS_ID).stream()
                        .findFirst()
                        .orElse(anonymousId);
            }
        }
        if (userId == null && anonymousId == null) {
            return;
        }
        var properties = new LinkedHashMap<String, Object>();
        properties.put("survey", survey.name());
        properties.put("surveyId", survey.id().toString());
        properties.put("responseId", response.toString());
        if (headline != null && score != null) {
            properties.put(headline.type().name().toLowerCase(Locale.ROOT), score);
        }
        survey.definition().questions().stream()
                .filter(q -> q.type() == QuestionType.FREE_TEXT)
                .map(q -> answers.get(q.id()))
                .filter(answer -> answer != null && answer.text() != null)
                .findFirst()
                .ifPresent(answer -> properties.put("comment", answer.text()));
        interactions.record(
                survey.workspaceId(),
                "survey-response-" + response,
                userId,
                anonymousId,
                TIMELINE_EVENT,
                touchpoint(survey),
                at,
                JSON.writeValueAsString(properties));
    }

    private TouchpointId touchpoint(Survey survey) {
        if (survey.touchpointId() != null) {
            return survey.touchpointId();
        }
        return touchpoints.unassigned(survey.workspaceId()).id();
    }
}
