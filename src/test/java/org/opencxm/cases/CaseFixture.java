package org.opencxm.cases;

import java.util.UUID;
import org.opencxm.customers.CustomerId;
import org.opencxm.testing.Tenant;
import org.springframework.context.ApplicationContext;

/** Cases for tests that need one to look at, raised the way a complaint raises them. */
public final class CaseFixture {

    private CaseFixture() {}

    /** A high-severity delivery complaint of this customer, as a new case. */
    public static CaseView complaint(ApplicationContext context, Tenant tenant, CustomerId customer, String subject) {
        return context.getBean(Cases.class)
                .raise(
                        tenant.id(),
                        customer,
                        subject,
                        "delivery",
                        Severity.HIGH,
                        CaseSource.COMPLAINT,
                        "fixture-" + UUID.randomUUID(),
                        null)
                .orElseThrow();
    }
}
