package org.opencxm.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.SurveyTemplate;

/** Ids people never type: made from the question's type or the answer's label, unique and readable. */
class DefinitionEditsTests {

    private final SurveyDefinition nps = TemplateDefinitions.definition(SurveyTemplate.NPS_RELATIONSHIP);

    @Test
    void aNewQuestionsIdComesFromItsType() {
        assertThat(DefinitionEdits.freshId(nps, QuestionType.FREE_TEXT)).isEqualTo("comment");
        assertThat(DefinitionEdits.freshId(nps, QuestionType.NPS)).as("taken").isEqualTo("nps-2");
        var twice = DefinitionEdits.append(nps, question("comment"));
        assertThat(DefinitionEdits.freshId(twice, QuestionType.FREE_TEXT)).isEqualTo("comment-2");
        assertThat(twice.pages().get(twice.pages().size() - 1).questions())
                .last()
                .extracting(Question::id)
                .isEqualTo("comment");
    }

    @Test
    void aNewAnswersIdComesFromItsLabel() {
        assertThat(DefinitionEdits.freshChoiceId("Zu teuer für mich", Set.of())).isEqualTo("zu-teuer-fur-mich");
        assertThat(DefinitionEdits.freshChoiceId("Größe passt nicht", Set.of())).isEqualTo("grosse-passt-nicht");
        assertThat(DefinitionEdits.freshChoiceId("Web", Set.of("web"))).isEqualTo("web-2");
        assertThat(DefinitionEdits.freshChoiceId("!!!", Set.of())).isEqualTo("answer");
        assertThat(DefinitionEdits.freshChoiceId("a".repeat(50), Set.of())).hasSize(30);
    }

    private static Question question(String id) {
        return new Question(
                id,
                QuestionType.FREE_TEXT,
                LocalizedText.of("Noch etwas?", "Anything else?"),
                null,
                false,
                List.of(),
                null);
    }
}
