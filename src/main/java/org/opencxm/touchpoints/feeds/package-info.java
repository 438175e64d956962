/**
 * The collection module's second public surface: what stored events mean to the modules that
 * follow them, handed out in bulk from durable queues written with the events. {@link
 * org.opencxm.touchpoints.feeds.IdentityFeed} with {@link
 * org.opencxm.touchpoints.feeds.IdentityObservation} for whoever keeps profiles; {@link
 * org.opencxm.touchpoints.feeds.EventFeed} with {@link org.opencxm.touchpoints.feeds.StoredEvent}
 * for whoever follows customers through their lifecycle, once their identities are resolved.
 * Modules name it as {@code touchpoints :: feeds}.
 */
@NamedInterface("feeds")
@NullMarked
package org.opencxm.touchpoints.feeds;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
