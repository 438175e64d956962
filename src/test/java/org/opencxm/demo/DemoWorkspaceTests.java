package org.opencxm.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opencxm.customers.Customers;
import org.opencxm.customers.IdentityKind;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.internal.Invitations;
import org.opencxm.feedback.internal.ResponseFilter;
import org.opencxm.feedback.internal.Survey;
import org.opencxm.feedback.internal.SurveyEvaluation;
import org.opencxm.feedback.internal.SurveyResults;
import org.opencxm.feedback.internal.Surveys;
import org.opencxm.platform.common.Paging;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.opencxm.touchpoints.Touchpoints;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo workspace gets a year of customer life across touchpoints, with profiles for it, and
 * surveys with results worth looking at; filling it twice changes nothing.
 */
@SpringBootTest
class DemoWorkspaceTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    DemoWorkspace demo;

    @Autowired
    Customers customers;

    @Autowired
    Touchpoints touchpoints;

    @Autowired
    Surveys surveys;

    @Autowired
    SurveyEvaluation evaluation;

    @Autowired
    Invitations invitations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fillsAWorkspaceWithAYearOfMultiChannelCustomerLifeAndThreeMonthsOfAnswers() {
        var tenant = TenantFixture.from(context).tenant("demo");

        demo.fill(tenant.id());
        demo.fill(tenant.id());

        assertThat(touchpoints.list(tenant.id())).hasSize(9);
        assertThat(count(tenant, "name = 'Order Completed'")).isGreaterThan(2_000);
        assertThat(count(tenant, "name = 'Product Returned'")).isGreaterThan(100);
        assertThat(count(tenant, "name = 'Complaint Filed'")).isGreaterThan(50);
        assertThat(count(tenant, "name = 'Subscription Cancelled'")).isGreaterThan(50);
        assertThat(count(tenant, "occurred_at < now() - interval '300 days'")).isGreaterThan(0);
        assertThat(jdbc.sql("select count(distinct touchpoint_id) from event where workspace_id = ?")
                        .param(tenant.id().value())
                        .query(Long.class)
                        .single())
                .as("events at every demo touchpoint, generated once")
                .isEqualTo(8);

        var all = surveys.list(tenant.id());
        assertThat(all).hasSize(4).allMatch(Survey::open);
        assertThat(all)
                .as("every stored invitation is one SurveyInvitation can be read back as")
                .allSatisfy(survey -> assertThat(invitations.ofSurvey(tenant.id(), survey.id(), 10_000))
                        .isNotEmpty());
        var nps = all.stream().filter(s -> s.name().contains("NPS")).findFirst().orElseThrow();
        var figures = evaluation.of(tenant.id(), nps.id(), ResponseFilter.ALL);
        assertThat(figures.responseRate()).isBetween(35.0, 50.0);
        var score = figures.questions().get(0).score();
        assertThat(score.n()).isGreaterThan(300);
        assertThat(score.value()).isBetween(0.0, 40.0);
        assertThat(figures.partialResponses()).isPositive();
        assertThat(figures.questions())
                .filteredOn(q -> q.type() == QuestionType.FREE_TEXT)
                .flatExtracting(SurveyResults.QuestionResult::comments)
                .isNotEmpty();
        var delivery = all.stream()
                .filter(s -> s.name().contains("Lieferung"))
                .findFirst()
                .orElseThrow();
        assertThat(delivery.touchpointId())
                .as("the delivery survey is about the webshop")
                .isEqualTo(touchpoints
                        .findByKey(tenant.id(), "webshop")
                        .orElseThrow()
                        .id());

        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(customers
                                .list(tenant.id(), Paging.first(), null)
                                .total())
                        .isEqualTo(4_000));
        var known =
                customers.list(tenant.id(), Paging.first(), "K-100001").items().get(0);
        assertThat(customers.profile(tenant.id(), known.id()).identities())
                .as("the visitor's anonymous id joined the customer who signed up")
                .extracting(identity -> identity.kind())
                .contains(IdentityKind.USER_ID, IdentityKind.ANONYMOUS_ID, IdentityKind.EMAIL);
    }

    private long count(Tenant tenant, String condition) {
        return jdbc.sql("select count(*) from event where workspace_id = ? and " + condition)
                .param(tenant.id().value())
                .query(Long.class)
                .single();
    }
}
