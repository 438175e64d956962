/**
 * Touchpoints and collection: the registry of the company's touchpoints (web, shop, store, call
 * center, …), the collection API that speaks the Segment HTTP Tracking API, and the raw event
 * store behind it. Raw events are data written in batches; with each batch the module records
 * the identities it saw, which {@link org.opencxm.touchpoints.IdentityFeed} hands out in bulk so
 * that profiles can follow. {@link org.opencxm.touchpoints.Interactions} answers timeline
 * queries for a customer's identities.
 */
@ApplicationModule(displayName = "Touchpoints and collection", allowedDependencies = "platform")
@NullMarked
package org.opencxm.touchpoints;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
