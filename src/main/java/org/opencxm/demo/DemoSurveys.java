package org.opencxm.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.Answer;
import org.opencxm.feedback.PastResponse;
import org.opencxm.feedback.ResponseHistory;
import org.opencxm.feedback.SurveyId;
import org.opencxm.feedback.SurveyTemplate;
import org.opencxm.platform.Language;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.Touchpoint;
import org.opencxm.touchpoints.Touchpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives the demo workspace four active surveys with three months of invitations and answers,
 * so that results, distributions and comments have something to show. Seeded, so every demo
 * looks the same. Recorded as history, so the answers raise nothing and land on no timeline.
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
    private static final int DAYS = 90;

    private final ResponseHistory history;
    private final Touchpoints touchpoints;
    private final Clock clock;

    DemoSurveys(ResponseHistory history, Touchpoints touchpoints, Clock clock) {
        this.history = history;
        this.touchpoints = touchpoints;
        this.clock = clock;
    }

    void generate(WorkspaceId workspace) {
        var random = new Random(20_261_124L);
        var nps = open(workspace, SurveyTemplate.NPS_RELATIONSHIP, "Kundenbeziehung (NPS)", null);
        answer(workspace, nps, 900, 0.42, random, (r, answers) -> {
            int score = weighted(r, new int[] {3, 2, 3, 4, 4, 6, 8, 14, 16, 20, 20});
            answers.add(value("nps", score));
            if (r.nextDouble() < 0.5) {
                answers.add(text(
                        score <= 6 ? "improve" : score >= 9 ? "like" : "missing",
                        score <= 6 ? pick(r, IMPROVE) : pick(r, LIKE)));
            }
        });
        var csat = open(workspace, SurveyTemplate.CSAT_DELIVERY, "Zufriedenheit mit der Lieferung", "webshop");
        answer(workspace, csat, 600, 0.38, random, (r, answers) -> {
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
        var ces = open(workspace, SurveyTemplate.CES_SERVICE, "Service-Hotline (CES)", "hotline");
        answer(workspace, ces, 400, 0.30, random, (r, answers) -> {
            answers.add(value("ces", 1 + weighted(r, new int[] {4, 6, 8, 12, 20, 28, 22})));
            if (r.nextDouble() < 0.3) {
                answers.add(text("comment", pick(r, r.nextBoolean() ? LIKE : IMPROVE)));
            }
        });
        var churn = open(workspace, SurveyTemplate.CANCELLATION_REASON, "Kündigungsgrund", null);
        answer(workspace, churn, 150, 0.25, random, (r, answers) -> {
            var reasons = List.of("price", "quality", "service", "competitor", "no_need", "other");
            answers.add(new Answer(
                    "reason", null, null, List.of(reasons.get(weighted(r, new int[] {34, 12, 18, 20, 10, 6}))), null));
        });
        log.info("Demo data: 4 active surveys with three months of answers");
    }

    private interface Answers {
        void fill(Random random, List<Answer> answers);
    }

    private SurveyId open(WorkspaceId workspace, SurveyTemplate template, String name, @Nullable String touchpoint) {
        var bound = touchpoint == null
                ? null
                : touchpoints
                        .findByKey(workspace, touchpoint)
                        .map(Touchpoint::id)
                        .orElse(null);
        return history.openSurvey(workspace, template, name, Language.DE, bound);
    }

    /** Invitations over the last 90 days, a share of them answered five hours later, plus a few anonymous answers. */
    private void answer(WorkspaceId workspace, SurveyId survey, int invited, double rate, Random random, Answers fill) {
        var now = clock.instant();
        var responses = new ArrayList<PastResponse>();
        var unanswered = new ArrayList<Instant>();
        for (int i = 0; i < invited; i++) {
            var sent = now.minus(Duration.ofMinutes(random.nextInt(DAYS * 24 * 60)));
            if (random.nextDouble() < rate) {
                var answers = new ArrayList<Answer>();
                fill.fill(random, answers);
                responses.add(new PastResponse(sent, sent.plus(Duration.ofHours(5)), answers, true));
            } else {
                unanswered.add(sent);
            }
        }
        for (int i = 0; i < invited / 10; i++) {
            var at = now.minus(Duration.ofMinutes(random.nextInt(DAYS * 24 * 60)));
            var answers = new ArrayList<Answer>();
            fill.fill(random, answers);
            var complete = random.nextDouble() > 0.3; // some anonymous respondents leave half-way
            responses.add(new PastResponse(null, at, answers, complete));
        }
        history.unanswered(workspace, survey, unanswered);
        history.record(workspace, survey, responses);
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
