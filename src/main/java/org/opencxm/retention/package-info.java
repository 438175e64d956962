/**
 * Retention: what a customer is worth and will be worth (historical and predictive customer
 * lifetime value), how likely they are to leave and why, and win-back campaigns that pay. Every
 * number it shows is explained: models are the published ones (BG/NBD for repeat buying,
 * Gamma-Gamma for spend), fitted by maximum likelihood as of a date, so that they can be checked
 * against what happened afterwards.
 *
 * <p>So far the module holds its models and their fitting (internal); the façade, the stores and
 * the pages follow. It will read purchases from the journeys and feed the lifecycle's passive
 * phase back.
 */
@ApplicationModule(
        displayName = "Retention",
        allowedDependencies = {"platform", "platform :: common", "customers", "journeys"})
@NullMarked
package org.opencxm.retention;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
