package org.opencxm.journeys.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CurrentStage;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.CustomerIdentities;
import org.opencxm.customers.Customers;
import org.opencxm.customers.IdentityKind;
import org.opencxm.journeys.StageChanged;
import org.opencxm.journeys.StageTransition;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.feeds.EventFeed;
import org.opencxm.touchpoints.feeds.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows customers through the lifecycle: events as they arrive, moved step by step; histories
 * replayed whole where a step cannot be right (an event older than what was seen, rules that
 * changed, two profiles merged). Every transition is stored, written to the profile and
 * announced as {@link StageChanged}, in the caller's transaction. Whatever writes a workspace's
 * lifecycles takes its lock first (and the profiles' lock only after), so that a step, a replay
 * and the sweep never overwrite each other's results.
 */
@Component
public class Lifecycles {

    private final JourneyStore store;
    private final TransitionStore transitions;
    private final JourneyEventStore journeyEvents;
    private final RuleBook rules;
    private final Customers customers;
    private final EventFeed feed;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    private static final Logger log = LoggerFactory.getLogger(Lifecycles.class);

    Lifecycles(
            JourneyStore store,
            TransitionStore transitions,
            JourneyEventStore journeyEvents,
            RuleBook rules,
            Customers customers,
            EventFeed feed,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.store = store;
        this.transitions = transitions;
        this.journeyEvents = journeyEvents;
        this.rules = rules;
        this.customers = customers;
        this.feed = feed;
        this.events = events;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /** Applies newly stored events of one workspace, oldest first. */
    @Transactional
    public void follow(WorkspaceId workspace, List<StoredEvent> stored) {
        store.lock(workspace);
        var machine = new LifecycleMachine(rules.current(workspace));
        var byCustomer = byCustomer(workspace, stored);
        var owned = new ArrayList<JourneyEventStore.Owned>();
        var states = store.states(workspace, byCustomer.keySet());
        var changed = new ArrayList<LifecycleState>();
        var replay = new ArrayList<CustomerId>();
        var now = clock.instant();
        byCustomer.forEach((customer, list) -> {
            var state = states.get(customer);
            if (state != null && needsReplay(machine, state, list)) {
                replay.add(customer);
                return;
            }
            var current = state == null
                    ? LifecycleState.fresh(customer, machine.rules().version())
                    : state;
            boolean touched = false;
            for (var event : list) {
                // the stage the event happened in: after a lapse its window may have caused
                touched |= machine.catchUp(current, event.occurredAt());
                var before = current.stage();
                touched |= machine.apply(current, event);
                owned.add(new JourneyEventStore.Owned(
                        customer, event, before != null ? before : Objects.requireNonNull(current.stage())));
            }
            touched |= machine.catchUp(current, now);
            if (touched) {
                changed.add(current);
            }
        });
        journeyEvents.append(workspace, owned, false);
        FollowedComplaints.announce(events, workspace, byCustomer); // also of those replayed
        save(workspace, changed, Map.of());
        replay(workspace, machine, replay);
    }

    /** Replays these customers' whole histories under the workspace's current rules. */
    @Transactional
    public void replay(WorkspaceId workspace, Collection<CustomerId> customerIds) {
        store.lock(workspace);
        replay(workspace, new LifecycleMachine(rules.current(workspace)), customerIds);
    }

    /**
     * Replays the next customers after {@code after} (in the order of their ids) for a
     * re-derivation, and returns them. Their ids are read under the lock, so that a merge handled
     * meanwhile is either wholly before or wholly after the replay.
     */
    @Transactional
    public List<CustomerIdentities> replayNext(
            WorkspaceId workspace, JourneyRules ruleSet, @Nullable CustomerId after, int limit) {
        store.lock(workspace);
        var chunk = customers.identitiesAfter(workspace, after, limit);
        var machine = new LifecycleMachine(ruleSet);
        try {
            savepoint.executeWithoutResult(status -> replayAll(workspace, machine, chunk));
        } catch (RuntimeException e) {
            // one customer the replay cannot handle must not stop every other one: each on its own
            log.warn("Replaying a chunk of {} customers failed; replaying them one by one", chunk.size(), e);
            for (var customer : chunk) {
                try {
                    savepoint.executeWithoutResult(status -> replayAll(workspace, machine, List.of(customer)));
                } catch (RuntimeException skipped) {
                    log.warn("Skipped the replay of customer {}", customer.customer(), skipped);
                }
            }
        }
        return chunk;
    }

    /** Saves states a sweep or a step changed, with the transitions they made. */
    void save(WorkspaceId workspace, List<LifecycleState> changed, Map<CustomerId, List<StageTransition>> before) {
        if (changed.isEmpty()) {
            return;
        }
        var made = new LinkedHashMap<CustomerId, List<StageTransition>>();
        var stages = new ArrayList<CurrentStage>();
        for (var state : changed) {
            var transitions = state.made();
            made.put(state.customer(), transitions);
            if (!transitions.isEmpty() || before.containsKey(state.customer())) {
                stages.add(new CurrentStage(state.customer(), Objects.requireNonNull(state.stage()), state.since()));
            }
        }
        store.saveStates(workspace, changed);
        transitions.appendTransitions(workspace, made);
        customers.recordStages(workspace, stages);
        made.forEach((customer, transitions) -> {
            var known = before.getOrDefault(customer, List.of());
            for (var transition : transitions) {
                if (known.stream().noneMatch(transition::sameMove)) {
                    events.publishEvent(new StageChanged(
                            workspace,
                            customer,
                            transition.from(),
                            transition.to(),
                            transition.cause(),
                            transition.at()));
                }
            }
        });
    }

    /** Each customer in a savepoint of its own: one history the replay cannot handle stops no batch. */
    private void replay(WorkspaceId workspace, LifecycleMachine machine, Collection<CustomerId> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        for (var customer : customers.identities(workspace, customerIds)) {
            try {
                savepoint.executeWithoutResult(status -> replayAll(workspace, machine, List.of(customer)));
            } catch (RuntimeException skipped) {
                log.warn("Skipped the replay of customer {}", customer.customer(), skipped);
            }
        }
    }

    private void replayAll(WorkspaceId workspace, LifecycleMachine machine, List<CustomerIdentities> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        var ids = chunk.stream().map(CustomerIdentities::customer).toList();
        var before = transitions.histories(workspace, ids);
        var histories = histories(workspace, chunk);
        var owned = new ArrayList<JourneyEventStore.Owned>();
        var now = clock.instant();
        var replayed = chunk.stream()
                .map(customer -> machine.replay(
                        customer,
                        histories.getOrDefault(customer.customer(), List.of()),
                        now,
                        (event, stage) -> owned.add(new JourneyEventStore.Owned(customer.customer(), event, stage))))
                .toList();
        journeyEvents.append(workspace, owned, true);
        transitions.clearTransitions(workspace, ids);
        var known = new HashMap<CustomerId, List<StageTransition>>();
        ids.forEach(id -> known.put(id, before.getOrDefault(id, List.of())));
        save(workspace, replayed, known);
    }

    /** These customers' lifecycles replayed under other rules, for a preview; nothing is written. */
    @Transactional(readOnly = true)
    public List<LifecycleState> simulate(WorkspaceId workspace, JourneyRules ruleSet, List<CustomerIdentities> chunk) {
        return replayed(new LifecycleMachine(ruleSet), chunk, histories(workspace, chunk));
    }

    private List<LifecycleState> replayed(
            LifecycleMachine machine, List<CustomerIdentities> chunk, Map<CustomerId, List<StoredEvent>> histories) {
        var now = clock.instant();
        return chunk.stream()
                .map(customer -> machine.replay(customer, histories.getOrDefault(customer.customer(), List.of()), now))
                .toList();
    }

    /** The track and identify events of each of these customers, oldest first, in one query. */
    private Map<CustomerId, List<StoredEvent>> histories(WorkspaceId workspace, List<CustomerIdentities> chunk) {
        var byUser = new HashMap<String, CustomerId>();
        var byAnonymous = new HashMap<String, CustomerId>();
        for (var customer : chunk) {
            customer.userIds().forEach(id -> byUser.put(id, customer.customer()));
            customer.anonymousIds().forEach(id -> byAnonymous.put(id, customer.customer()));
        }
        var histories = new HashMap<CustomerId, List<StoredEvent>>();
        for (var event : feed.history(workspace, byUser.keySet(), byAnonymous.keySet())) {
            // an event under a user id belongs to that user's profile, whatever device it came from
            var owner = event.userId() != null
                    ? byUser.get(event.userId())
                    : event.anonymousId() == null ? null : byAnonymous.get(event.anonymousId());
            if (owner != null) {
                histories.computeIfAbsent(owner, c -> new ArrayList<>()).add(event);
            }
        }
        return histories;
    }

    /** A step is not enough when the rules changed since, or an event is no newer than what was seen. */
    private static boolean needsReplay(LifecycleMachine machine, LifecycleState state, List<StoredEvent> events) {
        boolean rulesChanged = state.rulesVersion() != machine.rules().version();
        for (var event : events) {
            boolean late = !event.occurredAt().isAfter(Objects.requireNonNull(state.lastEventAt()));
            if ((rulesChanged || late) && machine.mightRewrite(state, event)) {
                return true;
            }
        }
        return false;
    }

    /** The events per customer, in order; events whose ids no profile holds (yet) are left out. */
    private Map<CustomerId, List<StoredEvent>> byCustomer(WorkspaceId workspace, List<StoredEvent> stored) {
        var userIds = new HashSet<String>();
        var anonymousIds = new HashSet<String>();
        for (var event : stored) {
            if (event.userId() != null) {
                userIds.add(event.userId());
            }
            if (event.anonymousId() != null) {
                anonymousIds.add(event.anonymousId());
            }
        }
        var byUser = customers.holders(workspace, IdentityKind.USER_ID, userIds);
        var byAnonymous = customers.holders(workspace, IdentityKind.ANONYMOUS_ID, anonymousIds);
        var result = new LinkedHashMap<CustomerId, List<StoredEvent>>();
        for (var event : stored) {
            var owner = owner(event, byUser, byAnonymous);
            if (owner != null) {
                result.computeIfAbsent(owner, c -> new ArrayList<>()).add(event);
            }
        }
        return result;
    }

    private static @Nullable CustomerId owner(
            StoredEvent event, Map<String, CustomerId> byUser, Map<String, CustomerId> byAnonymous) {
        var owner = event.userId() == null ? null : byUser.get(event.userId());
        if (owner == null && event.anonymousId() != null) {
            owner = byAnonymous.get(event.anonymousId());
        }
        return owner;
    }
}
