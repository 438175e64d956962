package org.opencxm.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencxm.cases.Severity;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.SurveyDirectory;
import org.opencxm.feedback.SurveyId;
import org.opencxm.platform.common.InvalidInputException;

/** A workspace's own categories and thresholds: how they file and open cases, and what they refuse. */
class CaseIntakeRulesTests {

    static final SurveyId HOTLINE = new SurveyId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    static final SurveyId IDEAS = new SurveyId(UUID.fromString("00000000-0000-0000-0000-0000000000a2"));
    static final List<SurveyDirectory.Scored> SURVEYS = List.of(
            new SurveyDirectory.Scored(HOTLINE, "Hotline", QuestionType.NPS),
            new SurveyDirectory.Scored(IDEAS, "Ideas", QuestionType.STARS));

    static CaseCategories withReturns(boolean billingRetired) {
        var all = new ArrayList<CaseCategories.Category>();
        for (var c : CaseCategories.DEFAULTS.all()) {
            all.add(
                    c.key().equals("billing")
                            ? new CaseCategories.Category(c.key(), null, null, c.words(), billingRetired)
                            : c);
        }
        all.add(new CaseCategories.Category("returns", "Retoure", "Returns", List.of("retoure", "rücksendung"), false));
        return new CaseCategories(all);
    }

    @Test
    void aWorkspacesOwnCategoryFilesComplaintsByItsWordsAndARetiredOneFilesNothingNew() {
        var taxonomy = withReturns(true);
        assertThat(taxonomy.file("Retoure")).isEqualTo("returns");
        assertThat(taxonomy.file("returns")).isEqualTo("returns");
        assertThat(taxonomy.guess("Rücksendung nicht gutgeschrieben")).isEqualTo("returns");
        assertThat(taxonomy.file("Rechnung")).as("billing is retired").isEqualTo("other");
        assertThat(taxonomy.known("billing")).isFalse();
        assertThat(taxonomy.find("billing")).isPresent();
        assertThat(taxonomy.find("returns").orElseThrow().name(Locale.GERMAN)).isEqualTo("Retoure");
        assertThat(taxonomy.find("delivery").orElseThrow().name(Locale.GERMAN))
                .as("a built-in one keeps its usual name")
                .isNull();
    }

    @Test
    void aSurveysOwnThresholdWinsAndASurveyMayOpenNoCaseAtAll() {
        var rules = new CaseIntakeRules(
                        CaseCategories.DEFAULTS,
                        Map.of(QuestionType.NPS, 4, QuestionType.CSAT, 2, QuestionType.CES, 3, QuestionType.STARS, 2),
                        List.of(
                                new CaseIntakeRules.SurveyRule(HOTLINE, 8),
                                new CaseIntakeRules.SurveyRule(IDEAS, null)))
                .check(SURVEYS);
        assertThat(CaseOpening.forAnswer(QuestionType.NPS, 5, rules, null))
                .as("the workspace opens NPS cases up to 4")
                .isInstanceOf(CaseOpening.NoCase.class);
        assertThat(CaseOpening.forAnswer(QuestionType.NPS, 4, rules, null))
                .isEqualTo(new CaseOpening.Open(Severity.LOW));
        assertThat(CaseOpening.forAnswer(QuestionType.NPS, 8, rules, HOTLINE))
                .as("the hotline survey up to 8")
                .isEqualTo(new CaseOpening.Open(Severity.LOW));
        assertThat(CaseOpening.forAnswer(QuestionType.STARS, 1, rules, IDEAS))
                .isEqualTo(new CaseOpening.NoCase("the survey opens no case"));
    }

    @Test
    void changesThatCannotWorkAreRefusedFieldByField() {
        var all = new ArrayList<>(CaseCategories.DEFAULTS.all());
        all.set(5, new CaseCategories.Category("other", null, null, List.of(), true));
        all.add(new CaseCategories.Category("Neu Kat", "Neu", null, List.of(), false));
        all.add(new CaseCategories.Category("delivery", "Zweimal", null, List.of(), false));
        all.add(new CaseCategories.Category("nameless", null, null, List.of("versand"), false));
        var rules = new CaseIntakeRules(
                new CaseCategories(all),
                Map.of(QuestionType.NPS, 10, QuestionType.CSAT, 0),
                List.of(
                        new CaseIntakeRules.SurveyRule(HOTLINE, 11),
                        new CaseIntakeRules.SurveyRule(new SurveyId(UUID.randomUUID()), 3)));
        assertThatThrownBy(() -> rules.check(SURVEYS))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.byField())
                                .containsEntry("categories[5].retired", "case.intake.invalid.other")
                                .containsEntry("categories[6].key", "case.intake.invalid.key")
                                .containsEntry("categories[7].key", "case.intake.invalid.twice")
                                .containsEntry("categories[8].german", "case.intake.invalid.name")
                                .containsEntry("categories[8].words", "case.intake.invalid.word")
                                .containsEntry("thresholdNPS", "case.intake.invalid.threshold")
                                .containsEntry("thresholdCSAT", "case.intake.invalid.threshold")
                                .containsEntry("survey-" + HOTLINE, "case.intake.invalid.threshold")
                                .containsKey("survey-" + rules.surveys().get(1).survey()));
    }

    @Test
    void aCategoryLeftOutOfAChangeIsKeptRetired() {
        var before = withReturns(false);
        var after = CaseCategories.DEFAULTS.keeping(before);
        assertThat(after.find("returns").orElseThrow().retired()).isTrue();
        assertThat(after.find("returns").orElseThrow().german()).isEqualTo("Retoure");
        assertThat(after.openKeys()).doesNotContain("returns");
    }
}
