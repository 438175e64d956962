package org.opencxm.touchpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opencxm.customers.Customers;
import org.opencxm.platform.Paging;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo workspace gets a year of customer life across touchpoints, and profiles for it. */
@SpringBootTest
class DemoInteractionsTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    DemoInteractions demo;

    @Autowired
    Customers customers;

    @Autowired
    Touchpoints touchpoints;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fillsAWorkspaceWithAYearOfMultiChannelCustomerLife() {
        var tenant = TenantFixture.from(context).tenant("demo");

        demo.generate(tenant.id());
        demo.generate(tenant.id());

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
                .contains("user_id", "anonymous_id", "email");
    }

    private long count(org.opencxm.testing.Tenant tenant, String condition) {
        return jdbc.sql("select count(*) from event where workspace_id = ? and " + condition)
                .param(tenant.id().value())
                .query(Long.class)
                .single();
    }
}
