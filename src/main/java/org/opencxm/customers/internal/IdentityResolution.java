package org.opencxm.customers.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.ConsentChannel;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.CustomersMerged;
import org.opencxm.customers.IdentityKind;
import org.opencxm.customers.internal.CustomerStore.Profile;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.EventType;
import org.opencxm.touchpoints.feeds.IdentityFeed;
import org.opencxm.touchpoints.feeds.IdentityObservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps profiles in step with what the collection API sees. A user id names a known customer;
 * an anonymous id seen with it joins that customer, together with its history; an e-mail
 * address in the traits ties profiles from different systems together. A profile that turns
 * out to be someone else's is merged into theirs, unless both carry different user ids (a
 * shared device, not one person).
 */
@Component
class IdentityResolution {

    static final int BULK = 1000;

    private static final Logger log = LoggerFactory.getLogger(IdentityResolution.class);

    private final IdentityFeed feed;
    private final CustomerStore store;
    private final IdentityStore graph;
    private final ConsentStore consents;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate savepoint;

    IdentityResolution(
            IdentityFeed feed,
            CustomerStore store,
            IdentityStore graph,
            ConsentStore consents,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.feed = feed;
        this.store = store;
        this.graph = graph;
        this.consents = consents;
        this.events = events;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Takes what the collection API observed in bulk, a thousand at a time: one transaction per
     * bulk instead of one per request. Several nodes may run this; they share the work row by row
     * and serialize per workspace through the lock.
     */
    @Scheduled(fixedDelayString = "${opencxm.customers.identity-resolution-delay:200ms}")
    void drain() {
        int taken;
        do {
            try {
                taken = feed.drain(BULK, this::resolveAll);
            } catch (RuntimeException e) {
                log.warn("Identity resolution failed for a bulk; retrying it observation by observation", e);
                taken = feed.drain(BULK, this::resolveEachOrSkip);
            }
        } while (taken == BULK);
    }

    /**
     * Most observations only say that a known customer did something again: their ids are all
     * held, by one profile, and only first and last seen can change. Those are touched in bulk,
     * after the others (new ids, identify, alias) went one by one; touching commutes with them,
     * so the order does not matter. Which profile holds the ids is asked again after the others,
     * since they may have merged profiles.
     */
    void resolveAll(WorkspaceId workspace, List<IdentityObservation> observations) {
        store.lock(workspace);
        var known = holders(workspace, observations);
        var repeats = new ArrayList<IdentityObservation>();
        for (var observation : observations) {
            if (isRepeat(observation, known)) {
                repeats.add(observation);
            } else {
                resolve(workspace, observation);
            }
        }
        if (repeats.isEmpty()) {
            return;
        }
        var now = holders(workspace, repeats);
        var seen = new HashMap<CustomerId, Instant[]>();
        for (var observation : repeats) {
            var holder = isRepeat(observation, now) ? holder(observation, now) : null;
            if (holder == null) {
                resolve(workspace, observation);
                continue;
            }
            seen.merge(holder, new Instant[] {observation.occurredAt(), observation.occurredAt()}, (a, b) ->
                    new Instant[] {a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
        }
        store.touchAll(workspace, seen);
    }

    /** Who holds the user and anonymous ids of these observations, in two queries. */
    private Map<IdentityKind, Map<String, CustomerId>> holders(
            WorkspaceId workspace, List<IdentityObservation> observations) {
        var userIds = new HashSet<String>();
        var anonymousIds = new HashSet<String>();
        for (var observation : observations) {
            if (observation.userId() != null) {
                userIds.add(observation.userId());
            }
            if (observation.anonymousId() != null) {
                anonymousIds.add(observation.anonymousId());
            }
        }
        return Map.of(
                IdentityKind.USER_ID,
                userIds.isEmpty() ? Map.of() : graph.holders(workspace, IdentityKind.USER_ID, userIds),
                IdentityKind.ANONYMOUS_ID,
                anonymousIds.isEmpty() ? Map.of() : graph.holders(workspace, IdentityKind.ANONYMOUS_ID, anonymousIds));
    }

    /** A track, page, screen or group whose every id one profile already holds. */
    private static boolean isRepeat(IdentityObservation seen, Map<IdentityKind, Map<String, CustomerId>> holders) {
        if (seen.type() == EventType.IDENTIFY || seen.type() == EventType.ALIAS) {
            return false;
        }
        return holder(seen, holders) != null;
    }

    private static @Nullable CustomerId holder(
            IdentityObservation seen, Map<IdentityKind, Map<String, CustomerId>> holders) {
        var byUser =
                seen.userId() == null ? null : holders.get(IdentityKind.USER_ID).get(seen.userId());
        var byAnonymous = seen.anonymousId() == null
                ? null
                : holders.get(IdentityKind.ANONYMOUS_ID).get(seen.anonymousId());
        if (seen.userId() != null && byUser == null || seen.anonymousId() != null && byAnonymous == null) {
            return null;
        }
        if (byUser != null && byAnonymous != null && !byUser.equals(byAnonymous)) {
            return null;
        }
        return byUser != null ? byUser : byAnonymous;
    }

    /**
     * The careful way, after a bulk failed: each observation in its own savepoint, and one that
     * cannot be resolved is logged and dropped, so that it cannot hold up all that follow.
     */
    void resolveEachOrSkip(WorkspaceId workspace, List<IdentityObservation> observations) {
        store.lock(workspace);
        for (var observation : observations) {
            try {
                savepoint.executeWithoutResult(status -> resolve(workspace, observation));
            } catch (RuntimeException e) {
                log.warn(
                        "Dropped an identity observation of workspace {} that cannot be resolved: {}",
                        workspace,
                        e.toString());
            }
        }
    }

    void resolve(WorkspaceId workspace, IdentityObservation seen) {
        var at = seen.occurredAt();
        var profile = seen.type() == EventType.ALIAS ? alias(workspace, seen) : primary(workspace, seen);
        if (seen.anonymousId() != null) {
            profile = join(workspace, profile, IdentityKind.ANONYMOUS_ID, seen.anonymousId(), at, seen.trusted());
        }
        if (seen.type() == EventType.IDENTIFY && seen.traits() != null) {
            profile = applyTraits(workspace, profile, seen, at);
        }
        store.touch(workspace, profile.id(), at);
    }

    /** The customer the user id names (created if new), else the one the anonymous id names. */
    private Profile primary(WorkspaceId workspace, IdentityObservation seen) {
        if (seen.userId() != null) {
            var known = store.findBy(workspace, IdentityKind.USER_ID, seen.userId());
            if (known.isPresent()) {
                return known.get();
            }
            var anonymous = seen.anonymousId() == null
                    ? Optional.<Profile>empty()
                    : store.findBy(workspace, IdentityKind.ANONYMOUS_ID, seen.anonymousId())
                            .filter(p -> p.userId() == null);
            var profile = anonymous.orElseGet(() -> store.create(workspace, seen.occurredAt()));
            store.attach(workspace, profile.id(), IdentityKind.USER_ID, seen.userId(), seen.occurredAt());
            // the profile now carries the user id: a device another customer used is then theirs
            // and this one's, not a reason to merge them
            return new Profile(profile.id(), seen.userId(), profile.email(), profile.traits(), profile.traitTimes());
        }
        return store.findBy(workspace, IdentityKind.ANONYMOUS_ID, seen.anonymousId())
                .orElseGet(() -> store.create(workspace, seen.occurredAt()));
    }

    /** {@code previousId} (an anonymous or an earlier user id) becomes part of {@code userId}'s profile. */
    private Profile alias(WorkspaceId workspace, IdentityObservation seen) {
        var profile = primary(
                workspace,
                new IdentityObservation(
                        EventType.IDENTIFY,
                        null,
                        seen.userId(),
                        null,
                        null,
                        seen.occurredAt(),
                        seen.writeKey(),
                        seen.trusted()));
        var previous = store.findBy(workspace, IdentityKind.USER_ID, seen.previousId());
        if (previous.isPresent()) {
            if (previous.get().id().equals(profile.id()) || !seen.trusted()) {
                // two known customers become one only on a trusted sender's word
                return profile;
            }
            return merge(workspace, previous.get(), profile);
        }
        return join(
                workspace, profile, IdentityKind.ANONYMOUS_ID, seen.previousId(), seen.occurredAt(), seen.trusted());
    }

    /**
     * Adds an id to the profile; if another profile holds it, the two are one person and merge.
     * On an untrusted sender's word (a public key) only a browser's own profile merges in, one
     * with neither user id nor e-mail: anyone may copy a public key, and must not be able to fold
     * one customer's profile, with its address and consent, into another's.
     */
    private Profile join(
            WorkspaceId workspace, Profile profile, IdentityKind kind, String value, Instant at, boolean trusted) {
        var holder = store.findBy(workspace, kind, value);
        if (holder.isEmpty()) {
            store.attach(workspace, profile.id(), kind, value, at);
            return profile;
        }
        var other = holder.get();
        if (other.id().equals(profile.id()) || conflicting(other, profile)) {
            return profile;
        }
        if (!trusted && (other.userId() != null || other.email() != null)) {
            return profile;
        }
        return merge(workspace, other, profile);
    }

    /**
     * Traits from a public key (anyone can copy it from a web page) never set e-mail, phone or
     * consent: otherwise {@code identify} with someone's user id would redirect their mail and
     * grant what they refused. The message itself stays in the timeline as sent.
     */
    private Profile applyTraits(WorkspaceId workspace, Profile profile, IdentityObservation seen, Instant at) {
        var incoming = seen.trusted() ? seen.traits() : Traits.withoutIdentifying(seen.traits());
        var traits = Traits.of(profile.traits(), profile.traitTimes()).apply(incoming, at);
        store.saveTraits(
                workspace, profile.id(), traits.values(), traits.times(), traits.email(), traits.displayName());
        var updated = new Profile(profile.id(), profile.userId(), traits.email(), traits.values(), traits.times());
        var said = Traits.of(incoming, "{}");
        for (var channel : ConsentChannel.values()) {
            var granted = said.consent(channel);
            if (granted != null) {
                consents.recordConsent(workspace, profile.id(), channel, granted, "identify", seen.writeKey(), at);
            }
        }
        return said.email() == null ? updated : join(workspace, updated, IdentityKind.EMAIL, said.email(), at, true);
    }

    private Profile merge(WorkspaceId workspace, Profile merged, Profile survivor) {
        var traits = Traits.of(survivor.traits(), survivor.traitTimes())
                .absorb(Traits.of(merged.traits(), merged.traitTimes()));
        store.merge(workspace, merged, survivor, traits.values(), traits.times());
        events.publishEvent(new CustomersMerged(workspace, merged.id(), survivor.id()));
        return new Profile(
                survivor.id(),
                survivor.userId() != null ? survivor.userId() : merged.userId(),
                survivor.email() != null ? survivor.email() : merged.email(),
                traits.values(),
                traits.times());
    }

    private static boolean conflicting(Profile a, Profile b) {
        return a.userId() != null && b.userId() != null && !a.userId().equals(b.userId());
    }
}
