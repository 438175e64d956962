package org.opencxm.customers;

import java.time.Instant;
import java.util.List;

/**
 * The ids one customer's events were stored under, for whoever replays their history.
 *
 * @param firstSeenAt when the customer's first event of any kind happened
 */
public record CustomerIdentities(
        CustomerId customer, Instant firstSeenAt, List<String> userIds, List<String> anonymousIds) {}
