package org.opencxm.journeys.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerIdentities;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.touchpoints.feeds.StoredEvent;

/**
 * Moves customers through the lifecycle under one version of a workspace's rules. The same
 * steps serve events as they arrive and the replay of a whole history, so a replay after a rule
 * change ends where live updates would have, transition for transition.
 */
final class LifecycleMachine {

    private static final List<String> AMOUNT_PROPERTIES = List.of("revenue", "total", "value", "price");
    /** Larger amounts are typing errors or attacks, not orders; they would not fit the revenue column either. */
    private static final BigDecimal LARGEST_AMOUNT = new BigDecimal("1000000000");

    private final JourneyRules rules;

    LifecycleMachine(JourneyRules rules) {
        this.rules = rules;
    }

    JourneyRules rules() {
        return rules;
    }

    /**
     * Applies one event that is newer than anything the state has seen.
     *
     * @return whether the state changed (a move, a purchase, a score, or a first stage)
     */
    boolean apply(LifecycleState state, StoredEvent event) {
        var at = event.occurredAt();
        var matching =
                rules.rules().stream().filter(rule -> rule.matches(event)).toList();
        boolean purchase = matching.stream().anyMatch(StageRule::purchase);
        var headline = EventProperties.score(event);
        var score = headline == null ? null : new LifecycleState.Score(headline.type(), headline.value(), at);
        boolean fresh = state.isFresh();
        if (fresh) {
            state.metAt(event.touchpoint());
        }
        boolean lapsed = catchUp(state, at);
        if (purchase) {
            state.purchased(at, amount(event));
        }
        if (score != null) {
            state.scored(score);
        }
        StageRule best = null;
        for (var rule : matching) {
            if (rule.appliesAt(state.purchases())
                    && TransitionPolicy.decide(state.stage(), rule.stage(), rule.purchase())
                            instanceof TransitionPolicy.Enter
                    && (best == null || rule.stage().ordinal() > best.stage().ordinal())) {
                best = rule;
            }
        }
        boolean moved = best != null
                ? state.enter(best.stage(), at, best.purchase(), event)
                : fresh && state.enter(LifecycleStage.AWARENESS, at, false, event);
        // an event a named rule matches is remembered even when it moved nothing (a delivery for a
        // churned customer, say): an older event arriving later then replays, as it must
        boolean named = matching.stream().anyMatch(rule -> !StageRule.IDENTIFIED.equals(rule.event()));
        boolean changed = moved || purchase || score != null || named || fresh;
        if (changed) {
            state.seen(at);
            state.scheduleInactivity(rules.inactivity());
        }
        return changed || lapsed;
    }

    /**
     * Whether an event no newer than what the state has seen might have changed its history:
     * then only a replay gets the history right. A visitor giving their name matters only while
     * they are still in awareness; anything a rule names, or a survey score, always might.
     */
    boolean mightRewrite(LifecycleState state, StoredEvent event) {
        if (EventProperties.isSurveyResponse(event)) {
            return true;
        }
        for (var rule : rules.rules()) {
            if (rule.matches(event)
                    && (!StageRule.IDENTIFIED.equals(rule.event()) || state.stage() == LifecycleStage.AWARENESS)) {
                return true;
            }
        }
        return false;
    }

    /** Makes the customer inactive if their window ran out by {@code until}; returns whether it did. */
    boolean catchUp(LifecycleState state, Instant until) {
        var due = state.inactiveAt();
        if (due != null && !due.isAfter(until) && TransitionPolicy.mayFallInactive(state.stage())) {
            state.fallInactive(due);
            return true;
        }
        return false;
    }

    /**
     * A customer's lifecycle from the start: awareness at the first event of any kind (page views
     * are not part of the history), then every event in order, then inactivity up to {@code now}.
     *
     * @param history track and identify events under the customer's ids, oldest first
     */
    LifecycleState replay(CustomerIdentities customer, List<StoredEvent> history, Instant now) {
        return replay(customer, history, now, (event, stage) -> {});
    }

    /** As {@link #replay(CustomerIdentities, List, Instant)}, telling the observer each event's stage. */
    LifecycleState replay(
            CustomerIdentities customer,
            List<StoredEvent> history,
            Instant now,
            BiConsumer<StoredEvent, LifecycleStage> observer) {
        var state = LifecycleState.fresh(customer.customer(), rules.version());
        if (history.isEmpty() || customer.firstSeenAt().isBefore(history.get(0).occurredAt())) {
            state.enter(LifecycleStage.AWARENESS, customer.firstSeenAt(), false, null);
            state.seen(customer.firstSeenAt());
            if (!history.isEmpty()) {
                // the first visit is a page view, which histories leave out: its nearest witness
                state.metAt(history.get(0).touchpoint());
            }
        }
        for (var event : history) {
            if (state.isFresh()) {
                state.metAt(event.touchpoint());
            }
            catchUp(state, event.occurredAt());
            var before = state.stage();
            apply(state, event);
            observer.accept(event, before != null ? before : Objects.requireNonNull(state.stage()));
        }
        catchUp(state, now);
        return state;
    }

    /** The purchase's value: Segment's {@code revenue}, else {@code total}, {@code value} or {@code price}. */
    static @Nullable BigDecimal amount(StoredEvent event) {
        var properties = EventProperties.of(event);
        for (var key : AMOUNT_PROPERTIES) {
            var value = properties.get(key);
            if (value == null) {
                continue;
            }
            try {
                var amount = value.isNumber()
                        ? value.decimalValue()
                        : value.isString() ? new BigDecimal(value.asString().strip()) : null;
                if (amount != null && amount.abs().compareTo(LARGEST_AMOUNT) <= 0) {
                    return amount.setScale(2, RoundingMode.HALF_UP);
                }
            } catch (NumberFormatException notANumber) {
                // a text that is no amount: look at the next property
            }
        }
        return null;
    }
}
