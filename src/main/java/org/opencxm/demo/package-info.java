/**
 * Demo: a year of customer life and three months of survey answers for the demo workspace, so
 * that a trial shows something on every page. It stands outside the product's modules and
 * uses only their public APIs: events go in through the collection API's validation, surveys
 * and answers through the feedback module's history, the past year's cases through the cases'
 * history, exactly as an integration would.
 */
@ApplicationModule(
        displayName = "Demo",
        allowedDependencies = {
            "platform",
            "platform :: common",
            "touchpoints",
            "customers",
            "feedback",
            "journeys",
            "cases"
        })
@NullMarked
package org.opencxm.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
