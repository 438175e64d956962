package org.opencxm.journeys.internal;

import java.time.Instant;
import org.opencxm.customers.CustomerId;

/** A complaint or negative survey response behind a cell of the pain-point map. */
public record PainPointEvidence(CustomerId customer, String name, Instant at, String signal) {}
