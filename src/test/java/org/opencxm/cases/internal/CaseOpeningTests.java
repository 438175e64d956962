package org.opencxm.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencxm.cases.Severity;
import org.opencxm.feedback.QuestionType;

class CaseOpeningTests {

    @Test
    void detractorsOpenCasesTheLowerTheMoreSevere() {
        assertThat(CaseOpening.forAnswer(QuestionType.NPS, 0)).isEqualTo(new CaseOpening.Open(Severity.HIGH));
        assertThat(CaseOpening.forAnswer(QuestionType.NPS, 2)).isEqualTo(new CaseOpening.Open(Severity.HIGH));
        assertThat(CaseOpening.forAnswer(QuestionType.NPS, 4)).isEqualTo(new CaseOpening.Open(Severity.MEDIUM));
        assertThat(CaseOpening.forAnswer(QuestionType.NPS, 6)).isEqualTo(new CaseOpening.Open(Severity.LOW));
        assertThat(CaseOpening.forAnswer(QuestionType.NPS, 7)).isInstanceOf(CaseOpening.NoCase.class);
    }

    @Test
    void eachScaleHasItsOwnThreshold() {
        assertThat(CaseOpening.forAnswer(QuestionType.CSAT, 1)).isEqualTo(new CaseOpening.Open(Severity.HIGH));
        assertThat(CaseOpening.forAnswer(QuestionType.CSAT, 2)).isEqualTo(new CaseOpening.Open(Severity.LOW));
        assertThat(CaseOpening.forAnswer(QuestionType.CSAT, 3)).isInstanceOf(CaseOpening.NoCase.class);
        assertThat(CaseOpening.forAnswer(QuestionType.CES, 2)).isEqualTo(new CaseOpening.Open(Severity.MEDIUM));
        assertThat(CaseOpening.forAnswer(QuestionType.CES, 4)).isInstanceOf(CaseOpening.NoCase.class);
        assertThat(CaseOpening.forAnswer(QuestionType.STARS, 2)).isEqualTo(new CaseOpening.Open(Severity.LOW));
        assertThat(CaseOpening.forAnswer(QuestionType.STARS, 3)).isInstanceOf(CaseOpening.NoCase.class);
        assertThat(CaseOpening.forAnswer(QuestionType.FREE_TEXT, 1)).isInstanceOf(CaseOpening.NoCase.class);
        assertThat(CaseOpening.forAnswer(null, null)).isInstanceOf(CaseOpening.NoCase.class);
    }

    @Test
    void complaintsAreAsSevereAsTheirSenderSaid() {
        assertThat(CaseOpening.forComplaint("critical")).isEqualTo(Severity.CRITICAL);
        assertThat(CaseOpening.forComplaint(" High ")).isEqualTo(Severity.HIGH);
        assertThat(CaseOpening.forComplaint("dringend")).isEqualTo(Severity.MEDIUM);
        assertThat(CaseOpening.forComplaint(null)).isEqualTo(Severity.MEDIUM);
        assertThat(Severity.HIGH.raised()).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.CRITICAL.raised()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void onlyRecentComplaintsAreNews() {
        var now = java.time.Instant.parse("2026-12-01T12:00:00Z");
        assertThat(CaseOpening.news(now.minus(java.time.Duration.ofDays(14)), now))
                .isTrue();
        assertThat(CaseOpening.news(now.minus(java.time.Duration.ofDays(15)), now))
                .isFalse();
    }

    @Test
    void theWordsOfAComplaintFileIt() {
        assertThat(CaseCategories.DEFAULTS.file("Shipping")).isEqualTo("delivery");
        assertThat(CaseCategories.DEFAULTS.file("rechnung")).isEqualTo("billing");
        assertThat(CaseCategories.DEFAULTS.file("quality")).isEqualTo("product");
        assertThat(CaseCategories.DEFAULTS.file("weather")).isEqualTo("other");
        assertThat(CaseCategories.DEFAULTS.file(null)).isEqualTo("other");
    }
}
