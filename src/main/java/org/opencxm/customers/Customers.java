package org.opencxm.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.NotFoundException;
import org.opencxm.platform.Paging;
import org.opencxm.platform.ResultPage;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.Interaction;
import org.opencxm.touchpoints.Interactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Customer profiles: lists, the 360° view, the timeline, consent. */
@Service
public class Customers {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "workspace_id, id, user_id, email, display_name, first_seen_at, last_seen_at";

    private final JdbcClient jdbc;
    private final Interactions interactions;
    private final ProfileStore store;
    private final Clock clock;

    Customers(JdbcClient jdbc, Interactions interactions, ProfileStore store, Clock clock) {
        this.jdbc = jdbc;
        this.interactions = interactions;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Profiles, most recently seen first. The search matches name, e-mail or any id exactly or in
     * part; {@code trait:value} searches one trait (e.g. {@code plan:premium}).
     */
    @Transactional(readOnly = true)
    public ResultPage<Customer> list(WorkspaceId workspace, Paging paging, @Nullable String search) {
        var query = CustomerSearch.parse(search);
        var where = " from customer c where c.workspace_id = ? and c.merged_into is null and " + query.condition();
        var params = new ArrayList<Object>();
        params.add(workspace.value());
        params.addAll(query.parameters());
        long total = jdbc.sql("select count(*)" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.add(paging.size());
        params.add(paging.offset());
        var items = jdbc.sql("select " + COLUMNS + where + " order by c.last_seen_at desc, c.id limit ? offset ?")
                .params(params)
                .query(Customers::map)
                .list();
        return new ResultPage<>(items, paging.page(), paging.size(), total);
    }

    /** The profile; the id of a merged profile leads to the profile it was merged into. */
    @Transactional(readOnly = true)
    public CustomerProfile profile(WorkspaceId workspace, CustomerId id) {
        var customer = find(workspace, id);
        var row = jdbc.sql("select traits::text, trait_times::text from customer where workspace_id = ? and id = ?")
                .params(workspace.value(), customer.id().value())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        return new CustomerProfile(
                customer,
                traits(row[0]),
                traitTimes(row[1]),
                identities(workspace, customer.id()),
                consents(workspace, customer.id()));
    }

    /** One page of the timeline, newest first; pass the last entry's time and id to get the next page. */
    @Transactional(readOnly = true)
    public List<Interaction> timeline(
            WorkspaceId workspace, CustomerId id, @Nullable Instant before, @Nullable UUID beforeId, int limit) {
        var customer = find(workspace, id);
        var ids = identities(workspace, customer.id());
        var userIds = ids.stream()
                .filter(i -> i.kind().equals("user_id"))
                .map(CustomerProfile.Identity::value)
                .toList();
        var anonymousIds = ids.stream()
                .filter(i -> i.kind().equals("anonymous_id"))
                .map(CustomerProfile.Identity::value)
                .toList();
        return interactions.timeline(workspace, userIds, anonymousIds, before, beforeId, limit);
    }

    /** The profile that carries the user id (preferred) or anonymous id, if any does. */
    @Transactional(readOnly = true)
    public java.util.Optional<CustomerProfile> byIdentity(
            WorkspaceId workspace, @Nullable String userId, @Nullable String anonymousId) {
        for (var identity : new String[][] {{"user_id", userId}, {"anonymous_id", anonymousId}}) {
            if (identity[1] == null) {
                continue;
            }
            var found = jdbc.sql(
                            "select customer_id from customer_identity where workspace_id = ? and kind = ? and value = ?")
                    .params(workspace.value(), identity[0], identity[1])
                    .query(UUID.class)
                    .optional();
            if (found.isPresent()) {
                return java.util.Optional.of(profile(workspace, new CustomerId(found.get())));
            }
        }
        return java.util.Optional.empty();
    }

    @Transactional
    public Consent recordConsent(
            WorkspaceId workspace, CustomerId id, ConsentChannel channel, boolean granted, String source) {
        var customer = find(workspace, id);
        store.recordConsent(workspace, customer.id(), channel, granted, source, clock.instant());
        return consents(workspace, customer.id()).stream()
                .filter(consent -> consent.channel() == channel)
                .findFirst()
                .orElseThrow();
    }

    private Customer find(WorkspaceId workspace, CustomerId id) {
        return jdbc.sql("select " + COLUMNS + " from customer where workspace_id = ? and id = ("
                        + "select coalesce(merged_into, id) from customer where workspace_id = ? and id = ?)")
                .params(workspace.value(), workspace.value(), id.value())
                .query(Customers::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("customer", id));
    }

    private List<CustomerProfile.Identity> identities(WorkspaceId workspace, CustomerId id) {
        return jdbc.sql(
                        "select kind, value, first_seen_at from customer_identity where workspace_id = ? and customer_id = ?"
                                + " order by kind desc, first_seen_at")
                .params(workspace.value(), id.value())
                .query((rs, n) -> new CustomerProfile.Identity(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    private List<Consent> consents(WorkspaceId workspace, CustomerId id) {
        return jdbc.sql("select channel, granted, source, recorded_at from customer_consent"
                        + " where workspace_id = ? and customer_id = ? order by channel")
                .params(workspace.value(), id.value())
                .query((rs, n) -> new Consent(
                        ConsentChannel.valueOf(rs.getString(1)),
                        rs.getBoolean(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
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

    private static Customer map(ResultSet rs, int row) throws SQLException {
        return new Customer(
                new CustomerId(rs.getObject("id", UUID.class)),
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getString("user_id"),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getTimestamp("first_seen_at").toInstant(),
                rs.getTimestamp("last_seen_at").toInstant());
    }
}
