/**
 * Touchpoints and collection: the registry of the company's touchpoints (web, shop, store, call
 * center, …), the collection API that speaks the Segment HTTP Tracking API, CSV imports, and the
 * raw event store behind them. Raw events are data written in batches, not domain events.
 *
 * <p>Public: the registry ({@link org.opencxm.touchpoints.Touchpoints}, {@link
 * org.opencxm.touchpoints.Touchpoint}, {@link org.opencxm.touchpoints.TouchpointId}, {@link
 * org.opencxm.touchpoints.TouchpointDraft}, {@link org.opencxm.touchpoints.Channel}); what
 * customers did ({@link org.opencxm.touchpoints.Interactions}, {@link
 * org.opencxm.touchpoints.Interaction}, {@link org.opencxm.touchpoints.NamedEvent}, {@link
 * org.opencxm.touchpoints.EventType}); and {@link org.opencxm.touchpoints.WriteKeys} for other
 * endpoints websites call with their write key. The queues that hand stored events to profiles
 * and lifecycles are the named interface {@code feeds}. Collection, parsing, attribution, storage
 * and imports are internal; {@code web} holds the collection API and the pages.
 */
@ApplicationModule(
        displayName = "Touchpoints and collection",
        allowedDependencies = {"platform", "platform :: common"})
@NullMarked
package org.opencxm.touchpoints;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
