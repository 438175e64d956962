package org.opencxm.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.internal.Choice;
import org.opencxm.feedback.internal.Condition;
import org.opencxm.feedback.internal.LocalizedText;
import org.opencxm.feedback.internal.Question;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Skip logic picked from a list: what the list offers, and that a pick reads back as the condition. */
class ConditionChoicesTests {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    {
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    private final Question nps = question("nps", QuestionType.NPS, List.of());
    private final Question channel = question(
            "channel",
            QuestionType.SINGLE_CHOICE,
            List.of(
                    new Choice("web", LocalizedText.of("Website", "Website")),
                    new Choice("phone", LocalizedText.of("Telefon", "Phone"))));
    private final Question comment = question("comment", QuestionType.FREE_TEXT, List.of());

    @Test
    void earlierScalesOfferTheirUsualGroupsAndChoicesTheirAnswersButFreeTextNothing() {
        var groups = ConditionChoices.before(List.of(nps, comment, channel), null, messages, Locale.GERMAN);

        assertThat(groups).extracting(ConditionChoices.Group::label).containsExactly("Frage nps", "Frage channel");
        assertThat(groups.get(0).options())
                .extracting(ConditionChoices.Option::value, ConditionChoices.Option::label)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("nps:0:6", "Kritiker (0–6)"),
                        org.assertj.core.groups.Tuple.tuple("nps:7:8", "Passive (7–8)"),
                        org.assertj.core.groups.Tuple.tuple("nps:9:10", "Promotoren (9–10)"));
        assertThat(groups.get(1).options())
                .extracting(ConditionChoices.Option::value, ConditionChoices.Option::label)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("channel=web", "Website"),
                        org.assertj.core.groups.Tuple.tuple("channel=phone", "Telefon"));
    }

    @Test
    void aPickReadsBackAsItsConditionAndAnUnusualOneStaysOffered() {
        assertThat(ConditionChoices.decode("nps:0:6")).isEqualTo(Condition.between("nps", 0, 6));
        assertThat(ConditionChoices.decode("channel=web,phone"))
                .isEqualTo(new Condition("channel", null, null, List.of("web", "phone")));
        assertThat(ConditionChoices.decode("")).isNull();
        assertThat(ConditionChoices.decode("nps:x:6")).isEqualTo(new Condition("nps", null, 6, List.of()));
        var custom = new Condition("nps", 0, 4, List.of());
        assertThat(ConditionChoices.decode(ConditionChoices.encode(custom))).isEqualTo(custom);

        var groups = ConditionChoices.before(List.of(nps), custom, messages, Locale.ENGLISH);
        assertThat(groups.get(0).options().get(0)).isEqualTo(new ConditionChoices.Option("nps:0:4", "0–4"));
        var gone = ConditionChoices.before(List.of(), custom, messages, Locale.ENGLISH);
        assertThat(gone)
                .as("the question it named is gone: still shown, to be changed")
                .hasSize(1);
    }

    private static Question question(String id, QuestionType type, List<Choice> choices) {
        return new Question(id, type, LocalizedText.of("Frage " + id, "Question " + id), null, true, choices, null);
    }
}
