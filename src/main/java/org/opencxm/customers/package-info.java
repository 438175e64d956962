/**
 * Customers: one profile per person with every id they are known by (user ids, anonymous ids,
 * e-mail), their traits and their consent per channel, and the 360° view with the timeline of
 * everything they did at which touchpoint. Profiles follow the identities the collection API
 * reports; two profiles that turn out to be one person are merged.
 *
 * <p>Public: {@link org.opencxm.customers.Customers} (lists, profiles, timelines, consent) with
 * {@link org.opencxm.customers.Customer}, {@link org.opencxm.customers.CustomerId}, {@link
 * org.opencxm.customers.CustomerProfile}, {@link org.opencxm.customers.IdentityKind}, {@link
 * org.opencxm.customers.Consent} and {@link org.opencxm.customers.ConsentChannel}; for the
 * lifecycle, which keeps each customer's stage here so that lists filter by it, {@link
 * org.opencxm.customers.CurrentStage} and {@link org.opencxm.customers.CustomerIdentities}; the event
 * {@link org.opencxm.customers.CustomersMerged}. Identity resolution, traits, search and the
 * store are internal.
 */
@ApplicationModule(
        displayName = "Customers",
        allowedDependencies = {"platform", "platform :: common", "touchpoints", "touchpoints :: feeds"})
@NullMarked
package org.opencxm.customers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
