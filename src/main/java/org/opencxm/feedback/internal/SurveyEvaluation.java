package org.opencxm.feedback.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.SurveyId;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A survey's results: invitations, responses and response rate, and per question its
 * distribution, score with margin of error ({@link Score}), and free-text answers.
 */
@Service
public class SurveyEvaluation {

    static final int COMMENTS = 100;

    private final SurveyStore surveys;
    private final ResponseStore responses;
    private final AnswerStore answers;
    private final InvitationStore invitations;

    SurveyEvaluation(SurveyStore surveys, ResponseStore responses, AnswerStore answers, InvitationStore invitations) {
        this.surveys = surveys;
        this.responses = responses;
        this.answers = answers;
        this.invitations = invitations;
    }

    @Transactional(readOnly = true)
    public SurveyResults of(WorkspaceId workspace, SurveyId id, ResponseFilter filter) {
        var survey = surveys.find(workspace, id).orElseThrow(() -> new NotFoundException("survey", id));
        var counted = filter.of(workspace, id);
        var counts = responses.count(counted);
        var sent = invitations.countByStatus(workspace, id, filter.from(), filter.to());
        var delivered = sent.getOrDefault(InvitationStatus.SENT, 0L) + sent.getOrDefault(InvitationStatus.ANSWERED, 0L);
        var values = answers.values(counted);
        var choices = answers.choices(counted);
        var gaps = answers.gaps(counted);
        var questions = new ArrayList<SurveyResults.QuestionResult>();
        for (var question : survey.definition().questions()) {
            questions.add(result(
                    question,
                    values.getOrDefault(question.id(), Map.of()),
                    choices.getOrDefault(question.id(), Map.of()),
                    gaps.get(question.id()),
                    question.type() == QuestionType.FREE_TEXT
                            ? answers.comments(counted, question.id(), COMMENTS)
                            : List.of()));
        }
        return new SurveyResults(
                id,
                delivered,
                sent.getOrDefault(InvitationStatus.SKIPPED, 0L),
                counts.completed(),
                counts.partial(),
                delivered == 0 ? null : 100.0 * counts.completedInvited() / delivered,
                questions);
    }

    private static SurveyResults.QuestionResult result(
            Question question,
            Map<Integer, Long> values,
            Map<String, Long> chosen,
            SurveyResults.Gap gap,
            List<SurveyResults.Comment> comments) {
        var type = question.type();
        var buckets = new ArrayList<SurveyResults.Bucket>();
        long answered;
        if (type.scale()) {
            IntStream.rangeClosed(type.min(), type.max())
                    .forEach(v -> buckets.add(new SurveyResults.Bucket(
                            Integer.toString(v),
                            LocalizedText.of(Integer.toString(v), Integer.toString(v)),
                            values.getOrDefault(v, 0L))));
            answered = values.values().stream().mapToLong(Long::longValue).sum();
        } else if (type.choice()) {
            question.choices()
                    .forEach(c ->
                            buckets.add(new SurveyResults.Bucket(c.id(), c.label(), chosen.getOrDefault(c.id(), 0L))));
            answered = chosen.getOrDefault("", 0L);
        } else {
            answered = comments.size();
        }
        var score = type.scale() && type != QuestionType.EXPECTATION_GAP ? Score.of(type, values) : null;
        return new SurveyResults.QuestionResult(
                question.id(), type, question.text(), answered, score, buckets, gap, comments);
    }
}
