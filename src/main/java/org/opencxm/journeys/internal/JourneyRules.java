package org.opencxm.journeys.internal;

import static org.opencxm.platform.LifecycleStage.CHURNED;
import static org.opencxm.platform.LifecycleStage.CONSIDERATION;
import static org.opencxm.platform.LifecycleStage.DECISION;
import static org.opencxm.platform.LifecycleStage.ONBOARDING;
import static org.opencxm.platform.LifecycleStage.REPEAT;
import static org.opencxm.platform.LifecycleStage.USAGE;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.common.InvalidInputException;

/**
 * A workspace's transition rules and inactivity window, in one version. Every version is
 * complete: saving a new one replays every customer's history under it.
 */
public record JourneyRules(int version, List<StageRule> rules, InactivityWindow inactivity) {

    public static final int MAX_RULES = 60;
    public static final int MAX_EVENT_NAME = 120;

    public JourneyRules {
        rules = List.copyOf(rules);
    }

    /** DESIGN's defaults: the Segment e-commerce events moving customers the way the lifecycle reads. */
    public static JourneyRules defaults() {
        return new JourneyRules(
                1,
                List.of(
                        new StageRule("Product Viewed", CONSIDERATION, Occasion.ALWAYS, false),
                        new StageRule("Products Searched", CONSIDERATION, Occasion.ALWAYS, false),
                        new StageRule("Quote Requested", CONSIDERATION, Occasion.ALWAYS, false),
                        new StageRule(StageRule.IDENTIFIED, CONSIDERATION, Occasion.ALWAYS, false),
                        new StageRule("Product Added", DECISION, Occasion.ALWAYS, false),
                        new StageRule("Checkout Started", DECISION, Occasion.ALWAYS, false),
                        new StageRule("Offer Requested", DECISION, Occasion.ALWAYS, false),
                        new StageRule("Trial Started", DECISION, Occasion.ALWAYS, false),
                        new StageRule("Order Completed", ONBOARDING, Occasion.FIRST_PURCHASE, true),
                        new StageRule("Order Completed", REPEAT, Occasion.REPEAT_PURCHASE, true),
                        new StageRule("Subscription Started", ONBOARDING, Occasion.FIRST_PURCHASE, true),
                        new StageRule("Subscription Started", REPEAT, Occasion.REPEAT_PURCHASE, true),
                        new StageRule("Order Delivered", USAGE, Occasion.ALWAYS, false),
                        new StageRule("Subscription Renewed", REPEAT, Occasion.ALWAYS, true),
                        new StageRule("Subscription Cancelled", CHURNED, Occasion.ALWAYS, false)),
                InactivityWindow.defaults());
    }

    /** The next version with these rules and window, or the problems that keep it from being saved. */
    public JourneyRules next(@Nullable List<StageRule> newRules, @Nullable InactivityWindow window) {
        var problems = new ArrayList<InvalidInputException.Problem>();
        if (newRules == null) {
            newRules = List.of();
        }
        if (window == null) {
            throw new InvalidInputException("inactivity", "journeys.rules.invalid.days");
        }
        if (newRules.isEmpty()) {
            problems.add(new InvalidInputException.Problem("rules", "journeys.rules.invalid.none"));
        }
        if (newRules.size() > MAX_RULES) {
            problems.add(new InvalidInputException.Problem("rules", "journeys.rules.invalid.tooMany"));
        }
        for (int i = 0; i < newRules.size(); i++) {
            var rule = newRules.get(i);
            // the API's JSON can leave out anything; the form always sends every field
            if (rule == null || rule.event() == null || rule.stage() == null || rule.occasion() == null) {
                problems.add(new InvalidInputException.Problem("rules[" + i + "]", "journeys.rules.invalid.missing"));
                continue;
            }
            var name = rule.event().strip();
            if (name.isEmpty() || name.length() > MAX_EVENT_NAME) {
                problems.add(
                        new InvalidInputException.Problem("rules[" + i + "].event", "journeys.rules.invalid.event"));
            }
            if (rule.stage() == LifecycleStage.INACTIVE) {
                problems.add(
                        new InvalidInputException.Problem("rules[" + i + "].stage", "journeys.rules.invalid.inactive"));
            }
            if (rule.purchase() && rule.stage().phase() != LifecycleStage.Phase.ACTIVE) {
                problems.add(new InvalidInputException.Problem(
                        "rules[" + i + "].purchase", "journeys.rules.invalid.purchaseStage"));
            }
        }
        if (window.floorDays() < 1 || window.floorDays() > InactivityWindow.MAX_DAYS) {
            problems.add(new InvalidInputException.Problem("floorDays", "journeys.rules.invalid.days"));
        }
        if (window.ceilingDays() < window.floorDays() || window.ceilingDays() > InactivityWindow.MAX_DAYS) {
            problems.add(new InvalidInputException.Problem("ceilingDays", "journeys.rules.invalid.ceiling"));
        }
        if (window.firstPurchaseDays() < 1 || window.firstPurchaseDays() > InactivityWindow.MAX_DAYS) {
            problems.add(new InvalidInputException.Problem("firstPurchaseDays", "journeys.rules.invalid.days"));
        }
        if (!(window.rhythmFactor() >= 1.0 && window.rhythmFactor() <= 10.0)) {
            problems.add(new InvalidInputException.Problem("rhythmFactor", "journeys.rules.invalid.factor"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var stripped = newRules.stream()
                .map(r -> new StageRule(r.event().strip(), r.stage(), r.occasion(), r.purchase()))
                .toList();
        return new JourneyRules(version + 1, stripped, window);
    }
}
