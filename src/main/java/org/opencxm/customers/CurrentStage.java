package org.opencxm.customers;

import java.time.Instant;
import org.opencxm.platform.LifecycleStage;

/** Where a customer stands in the lifecycle now, and since when: what lists filter and sort by. */
public record CurrentStage(CustomerId customer, LifecycleStage stage, Instant since) {}
