package org.opencxm.feedback;

import java.util.Comparator;
import java.util.List;
import org.opencxm.feedback.internal.Surveys;
import org.opencxm.platform.WorkspaceId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's surveys as other modules refer to them: by id and name, with the scale of the
 * headline question their answers are judged by (the one {@link SurveyResponseRecorded#score()}
 * carries). Cases set a threshold per survey on that scale.
 */
@Service
public class SurveyDirectory {

    private final Surveys surveys;

    SurveyDirectory(Surveys surveys) {
        this.surveys = surveys;
    }

    /** The surveys whose headline question is NPS, CSAT, CES or stars, by name. */
    @Transactional(readOnly = true)
    public List<Scored> scored(WorkspaceId workspace) {
        return surveys.list(workspace).stream()
                .flatMap(survey -> survey.definition().headline().stream()
                        .filter(headline -> SCALES.contains(headline.type()))
                        .map(headline -> new Scored(survey.id(), survey.name(), headline.type())))
                .sorted(Comparator.comparing(Scored::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private static final List<QuestionType> SCALES =
            List.of(QuestionType.NPS, QuestionType.CSAT, QuestionType.CES, QuestionType.STARS);

    /** A survey and the scale of its headline question. */
    public record Scored(SurveyId id, String name, QuestionType scale) {}
}
