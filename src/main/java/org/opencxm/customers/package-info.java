/**
 * Customers: one profile per person with every id they are known by (user ids, anonymous ids,
 * e-mail), their traits and their consent per channel, and the 360° view with the timeline of
 * everything they did at which touchpoint. Profiles follow the identities the collection API
 * reports; two profiles that turn out to be one person are merged.
 */
@ApplicationModule(
        displayName = "Customers",
        allowedDependencies = {"platform", "touchpoints"})
@NullMarked
package org.opencxm.customers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
