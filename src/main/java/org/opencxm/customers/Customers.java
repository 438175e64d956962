package org.opencxm.customers;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.internal.ConsentStore;
import org.opencxm.customers.internal.CustomerStore;
import org.opencxm.customers.internal.IdentityStore;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.NotFoundException;
import org.opencxm.platform.common.Paging;
import org.opencxm.platform.common.ResultPage;
import org.opencxm.touchpoints.Interaction;
import org.opencxm.touchpoints.Interactions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Customer profiles: lists, the 360° view, the timeline, consent, and the ids behind them in bulk. */
@Service
public class Customers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CustomerStore store;
    private final IdentityStore graph;
    private final ConsentStore consents;
    private final Interactions interactions;
    private final Clock clock;

    Customers(CustomerStore store, IdentityStore graph, ConsentStore consents, Interactions interactions, Clock clock) {
        this.store = store;
        this.graph = graph;
        this.consents = consents;
        this.interactions = interactions;
        this.clock = clock;
    }

    /**
     * Profiles, most recently seen first. The search matches name, e-mail or any id exactly or in
     * part; {@code trait:value} searches one trait (e.g. {@code plan:premium}).
     */
    @Transactional(readOnly = true)
    public ResultPage<Customer> list(WorkspaceId workspace, Paging paging, @Nullable String search) {
        return store.list(workspace, paging, search, null, false);
    }

    /** As {@link #list(WorkspaceId, Paging, String)}, only customers in one stage, or sorted by stage first. */
    @Transactional(readOnly = true)
    public ResultPage<Customer> list(
            WorkspaceId workspace,
            Paging paging,
            @Nullable String search,
            @Nullable LifecycleStage stage,
            boolean byStage) {
        return store.list(workspace, paging, search, stage, byStage);
    }

    /** Profiles that are not merged into another. */
    @Transactional(readOnly = true)
    public long count(WorkspaceId workspace) {
        return store.count(workspace);
    }

    /**
     * Which customer holds each of these ids, in bulk, for whoever follows events to the people
     * behind them; ids no profile holds (yet) are left out.
     */
    @Transactional(readOnly = true)
    public Map<String, CustomerId> holders(WorkspaceId workspace, IdentityKind kind, Collection<String> values) {
        if (values.isEmpty()) {
            return Map.of();
        }
        return graph.holders(workspace, kind, values);
    }

    /** The ids these customers' events were stored under; merged profiles are left out. */
    @Transactional(readOnly = true)
    public List<CustomerIdentities> identities(WorkspaceId workspace, Collection<CustomerId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return graph.identitiesOf(workspace, ids);
    }

    /**
     * The ids of the next customers after {@code after} in a stable order (that of their profile
     * ids), for a job that walks every customer and resumes where it stopped.
     */
    @Transactional(readOnly = true)
    public List<CustomerIdentities> identitiesAfter(WorkspaceId workspace, @Nullable CustomerId after, int limit) {
        return graph.identitiesAfter(workspace, after, limit);
    }

    /**
     * Records where customers stand in the lifecycle, as the journeys module decided. Takes the
     * workspace's profile lock first, as identity resolution does, so that the two never wait
     * for each other's rows in opposite order.
     */
    @Transactional
    public void recordStages(WorkspaceId workspace, Collection<CurrentStage> stages) {
        if (stages.isEmpty()) {
            return;
        }
        store.lock(workspace);
        store.recordStages(workspace, stages);
    }

    /** The customers of these ids, by id, for lists that show names and e-mails; unknown ids are left out. */
    @Transactional(readOnly = true)
    public Map<CustomerId, Customer> byIds(WorkspaceId workspace, Collection<CustomerId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return store.findAll(workspace, ids).stream().collect(Collectors.toMap(Customer::id, customer -> customer));
    }

    /**
     * One trait's value for each of these customers, as it is now (its first 100 characters), for
     * breaking down an analysis; customers without the trait are left out.
     */
    @Transactional(readOnly = true)
    public Map<CustomerId, String> traitValues(WorkspaceId workspace, String trait, Collection<CustomerId> ids) {
        return ids.isEmpty() ? Map.of() : store.traitValues(workspace, trait, ids);
    }

    /** Trait names to choose from: those a sample of 5,000 profiles carry, at most 200. */
    @Transactional(readOnly = true)
    public List<String> traitNames(WorkspaceId workspace) {
        return store.traitNames(workspace, 5_000, 200);
    }

    /** The profile; the id of a merged profile leads to the profile it was merged into. */
    @Transactional(readOnly = true)
    public CustomerProfile profile(WorkspaceId workspace, CustomerId id) {
        var customer = find(workspace, id);
        var traits = store.traits(workspace, customer.id());
        return new CustomerProfile(
                customer,
                traits(traits[0]),
                traitTimes(traits[1]),
                graph.identities(workspace, customer.id()),
                consents.consents(workspace, customer.id()));
    }

    /** One page of the timeline, newest first; pass the last entry's time and id to get the next page. */
    @Transactional(readOnly = true)
    public List<Interaction> timeline(
            WorkspaceId workspace, CustomerId id, @Nullable Instant before, @Nullable UUID beforeId, int limit) {
        var identities = graph.identities(workspace, find(workspace, id).id());
        return interactions.timeline(
                workspace,
                CustomerProfile.Identity.values(identities, IdentityKind.USER_ID),
                CustomerProfile.Identity.values(identities, IdentityKind.ANONYMOUS_ID),
                before,
                beforeId,
                limit);
    }

    /** The profile that carries the user id (preferred) or anonymous id, if any does. */
    @Transactional(readOnly = true)
    public Optional<CustomerProfile> byIdentity(
            WorkspaceId workspace, @Nullable String userId, @Nullable String anonymousId) {
        var holder =
                userId == null ? Optional.<CustomerId>empty() : graph.holder(workspace, IdentityKind.USER_ID, userId);
        if (holder.isEmpty() && anonymousId != null) {
            holder = graph.holder(workspace, IdentityKind.ANONYMOUS_ID, anonymousId);
        }
        return holder.map(id -> profile(workspace, id));
    }

    /**
     * The customer a person at the desk would name: by profile id, by the id the company's
     * systems know them by, or by e-mail address.
     */
    @Transactional(readOnly = true)
    public Optional<CustomerId> findByReference(WorkspaceId workspace, String reference) {
        var text = reference.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            var byProfile = store.find(workspace, new CustomerId(UUID.fromString(text)));
            if (byProfile.isPresent()) {
                return byProfile.map(Customer::id);
            }
        } catch (IllegalArgumentException notAnId) {
            // a user id or an e-mail address, then
        }
        return graph.holder(workspace, IdentityKind.USER_ID, text)
                .or(() -> graph.holder(workspace, IdentityKind.EMAIL, text))
                .flatMap(id -> store.find(workspace, id))
                .map(Customer::id);
    }

    @Transactional
    public Consent recordConsent(
            WorkspaceId workspace, CustomerId id, ConsentChannel channel, boolean granted, String source) {
        var customer = find(workspace, id);
        consents.recordConsent(workspace, customer.id(), channel, granted, source, null, clock.instant());
        return consents.consents(workspace, customer.id()).stream()
                .filter(consent -> consent.channel() == channel)
                .findFirst()
                .orElseThrow();
    }

    private Customer find(WorkspaceId workspace, CustomerId id) {
        return store.find(workspace, id).orElseThrow(() -> new NotFoundException("customer", id));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> traits(String json) {
        return JSON.readValue(json, LinkedHashMap.class);
    }

    private static Map<String, Instant> traitTimes(String json) {
        var times = new LinkedHashMap<String, Instant>();
        JSON.readTree(json)
                .properties()
                .forEach(e -> times.put(e.getKey(), Instant.parse(e.getValue().asString())));
        return times;
    }
}
