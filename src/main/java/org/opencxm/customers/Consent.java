package org.opencxm.customers;

import java.time.Instant;

/** A customer's answer for one channel, where it came from (identify, api, import) and when. */
public record Consent(ConsentChannel channel, boolean granted, String source, Instant recordedAt) {}
