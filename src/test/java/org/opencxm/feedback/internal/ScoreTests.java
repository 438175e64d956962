package org.opencxm.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opencxm.feedback.QuestionType;

/** The worked examples of docs/feedback.md, computed by hand there and checked here. */
class ScoreTests {

    @Test
    void npsOfTenAnswersIsTwentyWithAMarginOfFiftyFour() {
        var score = Score.of(QuestionType.NPS, distribution(10, 10, 9, 8, 7, 6, 3, 0, 9, 10));

        assertThat(score.kpi()).isEqualTo("NPS");
        assertThat(score.n()).isEqualTo(10);
        assertThat(score.share()).isCloseTo(50.0, within(1e-9));
        assertThat(score.detractors()).isCloseTo(30.0, within(1e-9));
        assertThat(score.value()).isCloseTo(20.0, within(1e-9));
        // 1.96 · √((0.5 + 0.3 − 0.2²) / 10) · 100
        assertThat(score.marginOfError()).isCloseTo(54.03, within(0.01));
        assertThat(score.mean()).isCloseTo(7.2, within(1e-9));
    }

    @Test
    void csatIsTheTopTwoBoxShare() {
        var score = Score.of(QuestionType.CSAT, distribution(5, 5, 4, 4, 4, 3, 2, 1));

        assertThat(score.value()).isCloseTo(62.5, within(1e-9));
        // 1.96 · √(0.625 · 0.375 / 8) · 100
        assertThat(score.marginOfError()).isCloseTo(33.55, within(0.01));
        assertThat(score.mean()).isCloseTo(3.5, within(1e-9));
    }

    @Test
    void cesIsTheMeanWithTheShareOfFiveToSeven() {
        var score = Score.of(QuestionType.CES, distribution(7, 6, 5, 5, 3));

        assertThat(score.value()).isCloseTo(5.2, within(1e-9));
        assertThat(score.share()).isCloseTo(80.0, within(1e-9));
        // s = √(8.8 / 4) = 1.4832; 1.96 · s / √5
        assertThat(score.marginOfError()).isCloseTo(1.300, within(0.001));
    }

    @Test
    void oneAnswerHasNoSpreadAndNoAnswersNoScore() {
        var stars = Score.of(QuestionType.STARS, distribution(4));

        assertThat(stars.kpi()).isEqualTo("STARS");
        assertThat(stars.value()).isEqualTo(4.0);
        assertThat(stars.marginOfError()).isZero();
        assertThat(Score.of(QuestionType.NPS, Map.of())).isNull();
    }

    @Test
    void aUnanimousNpsHasNoMarginLeft() {
        var score = Score.of(
                QuestionType.NPS,
                distribution(IntStream.range(0, 40).map(i -> 10).toArray()));

        assertThat(score.value()).isEqualTo(100.0);
        assertThat(score.marginOfError()).isZero();
    }

    private static Map<Integer, Long> distribution(int... answers) {
        var counts = new TreeMap<Integer, Long>();
        for (int answer : answers) {
            counts.merge(answer, 1L, Long::sum);
        }
        return counts;
    }
}
