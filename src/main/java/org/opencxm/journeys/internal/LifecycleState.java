package org.opencxm.journeys.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.journeys.StageTransition;
import org.opencxm.journeys.TransitionCause;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.touchpoints.TouchpointId;
import org.opencxm.touchpoints.feeds.StoredEvent;

/**
 * What the lifecycle remembers of one customer between events: the stage and since when, the
 * purchase days that set the inactivity window, and the transitions made since it was loaded.
 * It guards its own moves: a transition the {@link TransitionPolicy} refuses is an error here.
 */
public final class LifecycleState {

    private final CustomerId customer;
    private @Nullable LifecycleStage stage;
    private @Nullable Instant since;
    private int purchases;
    private @Nullable Instant firstPurchaseAt;
    private @Nullable Instant lastPurchaseAt;
    private BigDecimal revenue;
    private @Nullable Instant lastEventAt;
    private @Nullable Instant inactiveAt;
    private @Nullable Score lastScore;
    private @Nullable TouchpointId firstTouchpoint;
    private int rulesVersion;
    private final List<StageTransition> made = new ArrayList<>();

    /** The headline answer of a survey response. */
    record Score(String type, int value, Instant at) {}

    private LifecycleState(CustomerId customer, int rulesVersion) {
        this.customer = customer;
        this.rulesVersion = rulesVersion;
        this.revenue = BigDecimal.ZERO;
    }

    /** A customer the lifecycle has not seen yet. */
    static LifecycleState fresh(CustomerId customer, int rulesVersion) {
        return new LifecycleState(customer, rulesVersion);
    }

    /** A customer as stored. */
    static LifecycleState stored(
            CustomerId customer,
            LifecycleStage stage,
            Instant since,
            int purchases,
            @Nullable Instant firstPurchaseAt,
            @Nullable Instant lastPurchaseAt,
            BigDecimal revenue,
            Instant lastEventAt,
            @Nullable Instant inactiveAt,
            @Nullable Score lastScore,
            @Nullable TouchpointId firstTouchpoint,
            int rulesVersion) {
        var state = new LifecycleState(customer, rulesVersion);
        state.firstTouchpoint = firstTouchpoint;
        state.stage = stage;
        state.since = since;
        state.purchases = purchases;
        state.firstPurchaseAt = firstPurchaseAt;
        state.lastPurchaseAt = lastPurchaseAt;
        state.revenue = revenue;
        state.lastEventAt = lastEventAt;
        state.inactiveAt = inactiveAt;
        state.lastScore = lastScore;
        return state;
    }

    boolean isFresh() {
        return stage == null;
    }

    /** Moves the customer, if the policy allows; returns whether it did. */
    boolean enter(LifecycleStage to, Instant at, boolean purchase, @Nullable StoredEvent event) {
        var decision = TransitionPolicy.decide(stage, to, purchase);
        if (!(decision instanceof TransitionPolicy.Enter enter)) {
            return false;
        }
        record(to, at, enter.cause(), event);
        return true;
    }

    /** The inactivity window ran out at {@code at}. */
    void fallInactive(Instant at) {
        if (!TransitionPolicy.mayFallInactive(stage)) {
            throw new IllegalStateException("only an active customer can fall inactive, not " + stage);
        }
        record(LifecycleStage.INACTIVE, at, TransitionCause.INACTIVITY, null);
        inactiveAt = null;
    }

    private void record(LifecycleStage to, Instant at, TransitionCause cause, @Nullable StoredEvent event) {
        made.add(new StageTransition(
                stage,
                to,
                at,
                cause,
                eventName(event),
                event == null ? null : event.id(),
                event == null ? null : event.touchpoint()));
        stage = to;
        since = at;
    }

    /**
     * What the history names as the cause: a track event by its name, an identify as the moment
     * the visitor gave their name; a page view (the first visit) by nothing.
     */
    private static @Nullable String eventName(@Nullable StoredEvent event) {
        if (event == null) {
            return null;
        }
        return switch (event.type()) {
            case TRACK -> event.name();
            case IDENTIFY -> StageRule.IDENTIFIED;
            default -> null;
        };
    }

    /** Counts a purchase; several on one (UTC) day are one purchase day. */
    void purchased(Instant at, @Nullable BigDecimal amount) {
        if (lastPurchaseAt == null
                || !lastPurchaseAt
                        .atOffset(ZoneOffset.UTC)
                        .toLocalDate()
                        .equals(at.atOffset(ZoneOffset.UTC).toLocalDate())) {
            purchases++;
        }
        if (firstPurchaseAt == null) {
            firstPurchaseAt = at;
        }
        lastPurchaseAt = at;
        if (amount != null) {
            revenue = revenue.add(amount);
        }
    }

    void scored(Score score) {
        lastScore = score;
    }

    /** Remembers where the customer was first met, once. */
    void metAt(TouchpointId touchpoint) {
        if (firstTouchpoint == null) {
            firstTouchpoint = touchpoint;
        }
    }

    @Nullable
    TouchpointId firstTouchpoint() {
        return firstTouchpoint;
    }

    void seen(Instant at) {
        if (lastEventAt == null || at.isAfter(lastEventAt)) {
            lastEventAt = at;
        }
    }

    /** Sets when the customer falls inactive without another purchase: only in the active phase. */
    void scheduleInactivity(InactivityWindow window) {
        if (!TransitionPolicy.mayFallInactive(stage)) {
            inactiveAt = null;
            return;
        }
        var base = lastPurchaseAt != null ? lastPurchaseAt : since;
        inactiveAt = base.plus(window.after(purchases, firstPurchaseAt, lastPurchaseAt));
    }

    void ruledBy(int version) {
        rulesVersion = version;
    }

    public CustomerId customer() {
        return customer;
    }

    @Nullable
    LifecycleStage stage() {
        return stage;
    }

    @Nullable
    Instant since() {
        return since;
    }

    int purchases() {
        return purchases;
    }

    @Nullable
    Instant firstPurchaseAt() {
        return firstPurchaseAt;
    }

    @Nullable
    Instant lastPurchaseAt() {
        return lastPurchaseAt;
    }

    BigDecimal revenue() {
        return revenue;
    }

    @Nullable
    Instant lastEventAt() {
        return lastEventAt;
    }

    @Nullable
    Instant inactiveAt() {
        return inactiveAt;
    }

    @Nullable
    Score lastScore() {
        return lastScore;
    }

    int rulesVersion() {
        return rulesVersion;
    }

    /** The transitions made since the state was loaded or created, oldest first. */
    List<StageTransition> made() {
        return List.copyOf(made);
    }
}
