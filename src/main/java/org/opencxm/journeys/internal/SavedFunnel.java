package org.opencxm.journeys.internal;

import java.time.Instant;
import java.util.UUID;

/** A funnel a workspace saved, to look at again as customers move. */
public record SavedFunnel(UUID id, FunnelDefinition definition, Instant updatedAt) {}
