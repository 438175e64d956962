package org.opencxm.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The demo workspace's surveys have results worth looking at, and are made once. */
@SpringBootTest
class DemoSurveysTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    DemoSurveys demo;

    @Autowired
    Surveys surveys;

    @Autowired
    Results results;

    @Test
    void fourActiveSurveysWithThreeMonthsOfAnswers() {
        var tenant = TenantFixture.from(context).tenant("demo-surveys");

        demo.generate(tenant.id());
        demo.generate(tenant.id());

        var all = surveys.list(tenant.id());
        assertThat(all).hasSize(4).allMatch(Survey::open);
        var nps = all.stream().filter(s -> s.name().contains("NPS")).findFirst().orElseThrow();
        var figures = results.of(tenant.id(), nps.id(), ResultFilter.ALL);
        assertThat(figures.responseRate()).isBetween(35.0, 50.0);
        var score = figures.questions().get(0).score();
        assertThat(score.n()).isGreaterThan(300);
        assertThat(score.value()).isBetween(0.0, 40.0);
        assertThat(figures.partialResponses()).isPositive();
        assertThat(figures.questions())
                .filteredOn(q -> q.type() == QuestionType.FREE_TEXT)
                .flatExtracting(SurveyResults.QuestionResult::comments)
                .isNotEmpty();
    }
}
