package org.opencxm.journeys.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.common.InvalidInputException;

/**
 * A funnel: two to ten ordered steps, each an event name or a stage entered ({@code
 * stage:ONBOARDING}), the window within which a customer must complete them after the first, and
 * how strictly they must follow each other.
 */
public record FunnelDefinition(String name, List<String> steps, int windowDays, FunnelOrder order) {

    public static final String STAGE_PREFIX = "stage:";
    public static final int MAX_STEPS = 10;
    public static final int MAX_WINDOW_DAYS = 365;

    /** The definition if it is valid, else the problems, each naming its field. */
    public static FunnelDefinition checked(
            @Nullable String name,
            @Nullable List<String> steps,
            @Nullable Integer windowDays,
            @Nullable FunnelOrder order) {
        var problems = new ArrayList<InvalidInputException.Problem>();
        var cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 120) {
            problems.add(new InvalidInputException.Problem("name", "funnels.invalid.name"));
        }
        var cleanSteps = new ArrayList<String>();
        if (steps != null) {
            for (int i = 0; i < steps.size(); i++) {
                var step = steps.get(i) == null ? "" : steps.get(i).strip();
                if (step.isEmpty()) {
                    continue;
                }
                if (step.length() > JourneyRules.MAX_EVENT_NAME || !validStage(step)) {
                    problems.add(new InvalidInputException.Problem("steps[" + i + "]", "funnels.invalid.step"));
                }
                cleanSteps.add(step);
            }
        }
        if (cleanSteps.size() < 2 || cleanSteps.size() > MAX_STEPS) {
            problems.add(new InvalidInputException.Problem("steps", "funnels.invalid.steps"));
        }
        if (windowDays == null || windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
            problems.add(new InvalidInputException.Problem("windowDays", "funnels.invalid.window"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new FunnelDefinition(cleanName, cleanSteps, windowDays, order == null ? FunnelOrder.SEQUENTIAL : order);
    }

    private static boolean validStage(String step) {
        if (!step.startsWith(STAGE_PREFIX)) {
            return true;
        }
        try {
            LifecycleStage.valueOf(step.substring(STAGE_PREFIX.length()));
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /** The stage a step stands for, or {@code null} for an event. */
    public static @Nullable LifecycleStage stageOf(String step) {
        return step.startsWith(STAGE_PREFIX) ? LifecycleStage.valueOf(step.substring(STAGE_PREFIX.length())) : null;
    }
}
