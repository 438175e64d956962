package org.opencxm.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.DemoWorkspaceCreated;
import org.opencxm.platform.Ids;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.Touchpoint;
import org.opencxm.touchpoints.TouchpointId;
import org.opencxm.touchpoints.Touchpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Gives the demo workspace four active surveys with three months of invitations and answers,
 * so that results, distributions and comments have something to show. Seeded, so every demo
 * looks the same; the answers are stored directly, without timeline entries.
 */
@Component
class DemoSurveys {

    private static final Logger log = LoggerFactory.getLogger(DemoSurveys.class);
    private static final String[] IMPROVE = {
        "Die Lieferung hat zu lange gedauert.",
        "Die Hotline war schwer zu erreichen.",
        "Preise sind gestiegen, Leistung nicht.",
        "Delivery took far too long.",
        "Die Rücksendung war umständlich."
    };
    private static final String[] LIKE = {
        "Freundlicher und kompetenter Service!",
        "Schnelle Lieferung, gute Qualität.",
        "Great app, easy to reorder.",
        "Die Beratung in der Filiale war top."
    };

    private final Surveys surveys;
    private final SurveyStore store;
    private final InvitationStore invitations;
    private final ResponseStore responses;
    private final Touchpoints touchpoints;
    private final Clock clock;

    DemoSurveys(
            Surveys surveys,
            SurveyStore store,
            InvitationStore invitations,
            ResponseStore responses,
            Touchpoints touchpoints,
            Clock clock) {
        this.surveys = surveys;
        this.store = store;
        this.invitations = invitations;
        this.responses = responses;
        this.touchpoints = touchpoints;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(DemoWorkspaceCreated created) {
        generate(created.workspaceId());
    }

    void generate(WorkspaceId workspace) {
        if (!store.list(workspace).isEmpty()) {
            return; // already generated before a restart re-delivered the event
        }
        var random = new Random(20_261_124L);
        var nps = active(workspace, SurveyTemplate.NPS_RELATIONSHIP, "Kundenbeziehung (NPS)", null);
        answer(nps, 900, 0.42, random, (r, answers) -> {
            int score = weighted(r, new int[] {3, 2, 3, 4, 4, 6, 8, 14, 16, 20, 20});
            answers.add(value("nps", score));
            if (r.nextDouble() < 0.5) {
                answers.add(text(
                        score <= 6 ? "improve" : score >= 9 ? "like" : "missing",
                        score <= 6 ? pick(r, IMPROVE) : pick(r, LIKE)));
            }
        });
        var csat = active(workspace, SurveyTemplate.CSAT_DELIVERY, "Zufriedenheit mit der Lieferung", "webshop");
        answer(csat, 600, 0.38, random, (r, answers) -> {
            int score = 1 + weighted(r, new int[] {6, 9, 15, 38, 32});
            answers.add(value("csat", score));
            answers.add(new Answer(
                    "on_time",
                    1 + weighted(r, new int[] {8, 12, 22, 30, 28}),
                    1 + weighted(r, new int[] {1, 2, 8, 29, 60}),
                    List.of(),
                    null));
            if (score <= 3 && r.nextDouble() < 0.7) {
                answers.add(text("what_went_wrong", pick(r, IMPROVE)));
            }
        });
        var ces = active(workspace, SurveyTemplate.CES_SERVICE, "Service-Hotline (CES)", "hotline");
        answer(ces, 400, 0.30, random, (r, answers) -> {
            answers.add(value("ces", 1 + weighted(r, new int[] {4, 6, 8, 12, 20, 28, 22})));
            if (r.nextDouble() < 0.3) {
                answers.add(text("comment", pick(r, r.nextBoolean() ? LIKE : IMPROVE)));
            }
        });
        var churn = active(workspace, SurveyTemplate.CANCELLATION_REASON, "Kündigungsgrund", null);
        answer(churn, 150, 0.25, random, (r, answers) -> {
            var reasons = List.of("price", "quality", "service", "competitor", "no_need", "other");
            answers.add(new Answer(
                    "reason", null, null, List.of(reasons.get(weighted(r, new int[] {34, 12, 18, 20, 10, 6}))), null));
        });
        log.info("Demo data: 4 active surveys with three months of answers");
    }

    private interface Answers {
        void fill(Random random, List<Answer> answers);
    }

    private Survey active(WorkspaceId workspace, SurveyTemplate template, String name, @Nullable String touchpoint) {
        var draft = surveys.create(workspace, template, name, "de");
        var touchpointId = touchpoint == null
                ? null
                : touchpoints
                        .findByKey(workspace, touchpoint)
                        .map(Touchpoint::id)
                        .map(TouchpointId::value)
                        .orElse(null);
        return surveys.update(
                workspace,
                draft.id(),
                new SurveyDraft(
                        name, SurveyStatus.ACTIVE, "de", touchpointId, template.stage(), draft.definition(), null));
    }

    /** Invitations over the last 90 days, a share of them answered, plus a few anonymous answers. */
    private void answer(Survey survey, int invited, double rate, Random random, Answers fill) {
        var workspace = survey.workspaceId();
        var now = clock.instant();
        var pages = survey.definition().pages().size();
        var questions =
                survey.definition().questions().stream().map(Question::id).toList();
        for (int i = 0; i < invited; i++) {
            var sent = now.minus(Duration.ofMinutes(random.nextInt(90 * 24 * 60)));
            var id = new InvitationId(Ids.next());
            var answered = random.nextDouble() < rate;
            var channel = random.nextBoolean() ? InvitationChannel.EMAIL : InvitationChannel.LINK;
            invitations.insert(
                    new SurveyInvitation(
                            id,
                            workspace,
                            survey.id(),
                            null,
                            channel,
                            answered ? InvitationStatus.ANSWERED : InvitationStatus.SENT,
                            null,
                            "de",
                            null,
                            sent,
                            sent,
                            sent,
                            null,
                            sent.plus(Duration.ofDays(14)),
                            answered ? sent.plus(Duration.ofHours(5)) : null,
                            null),
                    null,
                    null);
            if (answered) {
                respond(
                        survey,
                        new ResponseId(id.value()),
                        id,
                        sent.plus(Duration.ofHours(5)),
                        pages,
                        questions,
                        random,
                        fill);
            }
        }
        for (int i = 0; i < invited / 10; i++) {
            var at = now.minus(Duration.ofMinutes(random.nextInt(90 * 24 * 60)));
            respond(survey, new ResponseId(UUID.randomUUID()), null, at, pages, questions, random, fill);
        }
    }

    private void respond(
            Survey survey,
            ResponseId id,
            @Nullable InvitationId invitation,
            Instant at,
            int pages,
            List<String> questions,
            Random random,
            Answers fill) {
        var workspace = survey.workspaceId();
        var answers = new ArrayList<Answer>();
        fill.fill(random, answers);
        var channel = invitation == null ? ResponseChannel.LINK : ResponseChannel.PERSONAL_LINK;
        responses.start(
                workspace,
                id,
                survey.id(),
                new ResponseStore.Origin(invitation, null, null, survey.touchpointId(), survey.stage(), "de", channel),
                at);
        responses.savePage(workspace, id, questions, answers, true);
        var complete = invitation != null || random.nextDouble() > 0.3; // some anonymous ones leave half-way
        responses.advance(workspace, id, complete ? pages : 1, complete, at);
    }

    private static Answer value(String question, int value) {
        return new Answer(question, value, null, List.of(), null);
    }

    private static Answer text(String question, String text) {
        return new Answer(question, null, null, List.of(), text);
    }

    private static String pick(Random random, String[] texts) {
        return texts[random.nextInt(texts.length)];
    }

    /** An index drawn with the given weights. */
    private static int weighted(Random random, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
