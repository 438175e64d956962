package org.opencxm.customers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CurrentStage;
import org.opencxm.customers.Customer;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.IdentityKind;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.Ids;
import org.opencxm.platform.common.Paging;
import org.opencxm.platform.common.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of {@code customer} and the writes of {@code customer_identity}: the profiles and how
 * identity resolution changes the identity graph (its reads are {@link IdentityStore}'s, consent
 * is {@link ConsentStore}'s). Callers hold the transaction.
 */
@Component
public class CustomerStore {

    /** A profile as identity resolution needs it. */
    record Profile(
            CustomerId id,
            @Nullable String userId,
            @Nullable String email,
            String traits,
            String traitTimes) {}

    private final JdbcClient jdbc;

    CustomerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String COLUMNS =
            "c.workspace_id, c.id, c.user_id, c.email, c.display_name, c.first_seen_at, c.last_seen_at, c.lifecycle_stage";

    /** The lifecycle's order, for a list sorted by stage; customers without a stage come last. */
    private static final String STAGE_ORDER = "coalesce(array_position(array['AWARENESS', 'CONSIDERATION', 'DECISION',"
            + " 'ONBOARDING', 'USAGE', 'REPEAT', 'INACTIVE', 'CHURNED'], c.lifecycle_stage), 9)";

    /** Profiles the search matches, most recently seen first, or by lifecycle stage. */
    public ResultPage<Customer> list(
            WorkspaceId workspace,
            Paging paging,
            @Nullable String search,
            @Nullable LifecycleStage stage,
            boolean byStage) {
        var where = CustomerSearch.conditions(workspace, search)
                .andIfPresent("c.lifecycle_stage = ?", stage == null ? null : stage.name());
        long total = jdbc.sql("select count(*) from customer c" + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        var items = jdbc.sql("select " + COLUMNS + " from customer c" + where.sql() + " order by "
                        + (byStage ? STAGE_ORDER + ", " : "") + "c.last_seen_at desc, c.id limit ? offset ?")
                .params(where.paramsAnd(paging.size(), paging.offset()))
                .query(CustomerStore::customer)
                .list();
        return new ResultPage<>(items, paging.page(), paging.size(), total);
    }

    /** The profile, or the one it was merged into. */
    public Optional<Customer> find(WorkspaceId workspace, CustomerId id) {
        return jdbc.sql("select " + COLUMNS + " from customer c where c.workspace_id = ? and c.id = ("
                        + "select coalesce(merged_into, id) from customer where workspace_id = ? and id = ?)")
                .params(workspace.value(), workspace.value(), id.value())
                .query(CustomerStore::customer)
                .optional();
    }

    /** These profiles as they are (a merged one as itself, not its survivor), for lists that name customers. */
    public List<Customer> findAll(WorkspaceId workspace, Collection<CustomerId> ids) {
        return jdbc.sql("select " + COLUMNS + " from customer c where c.workspace_id = ? and c.id = any(?)")
                .params(
                        workspace.value(),
                        ids.stream().map(CustomerId::value).distinct().toArray(UUID[]::new))
                .query(CustomerStore::customer)
                .list();
    }

    /** Traits and the time each was set, as JSON texts. */
    public String[] traits(WorkspaceId workspace, CustomerId id) {
        return jdbc.sql("select traits::text, trait_times::text from customer where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
    }

    /** One trait's value per customer (its first 100 characters); customers without it are left out. */
    public Map<CustomerId, String> traitValues(WorkspaceId workspace, String trait, Collection<CustomerId> ids) {
        var values = new HashMap<CustomerId, String>();
        var uuids = ids.stream().map(CustomerId::value).toArray(UUID[]::new);
        jdbc.sql("select id, left(traits ->> ?, 100) from customer where workspace_id = ? and id = any(?)"
                        + " and traits ->> ? is not null")
                .params(trait, workspace.value(), uuids, trait)
                .query(rs -> {
                    values.put(new CustomerId(rs.getObject(1, UUID.class)), rs.getString(2));
                });
        return values;
    }

    /** The trait names that a sample of the workspace's profiles carry, alphabetically. */
    public List<String> traitNames(WorkspaceId workspace, int sample, int limit) {
        return jdbc.sql("""
                        select distinct jsonb_object_keys(traits) as name from (select traits from customer
                        where workspace_id = ? and merged_into is null and traits <> '{}'::jsonb limit ?) s order by name limit ?""")
                .params(workspace.value(), sample, limit)
                .query(String.class)
                .list();
    }

    private static Customer customer(ResultSet rs, int row) throws SQLException {
        return new Customer(
                new CustomerId(rs.getObject("id", UUID.class)),
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getString("user_id"),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getTimestamp("first_seen_at").toInstant(),
                rs.getTimestamp("last_seen_at").toInstant(),
                rs.getString("lifecycle_stage") == null
                        ? null
                        : LifecycleStage.valueOf(rs.getString("lifecycle_stage")));
    }

    /** Profiles that are not merged into another. */
    public long count(WorkspaceId workspace) {
        return jdbc.sql("select count(*) from customer where workspace_id = ? and merged_into is null")
                .param(workspace.value())
                .query(Long.class)
                .single();
    }

    /** Writes the customers' current stages, in one statement. */
    public void recordStages(WorkspaceId workspace, Collection<CurrentStage> stages) {
        if (stages.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update customer c set lifecycle_stage = s.stage, stage_since = s.since
                        from unnest(?::uuid[], ?::text[], ?::timestamptz[]) as s(id, stage, since)
                        where c.workspace_id = ? and c.id = s.id""")
                .params(
                        stages.stream().map(s -> s.customer().value()).toArray(UUID[]::new),
                        stages.stream().map(s -> s.stage().name()).toArray(String[]::new),
                        stages.stream().map(s -> Timestamp.from(s.since())).toArray(Timestamp[]::new),
                        workspace.value())
                .update();
    }

    /** Serializes identity resolution (and stage writes) within a workspace, so that two batches never race to create one person twice. */
    public void lock(WorkspaceId workspace) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("customers:" + workspace)
                .query()
                .singleRow();
    }

    Optional<Profile> findBy(WorkspaceId workspace, IdentityKind kind, String value) {
        return jdbc.sql("""
                        select c.id, c.user_id, c.email, c.traits::text, c.trait_times::text
                        from customer_identity i join customer c on c.workspace_id = i.workspace_id and c.id = i.customer_id
                        where i.workspace_id = ? and i.kind = ? and i.value = ?""")
                .params(workspace.value(), kind.wireName(), kind.normalize(value))
                .query((rs, row) -> new Profile(
                        new CustomerId(rs.getObject(1, UUID.class)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .optional();
    }

    Profile create(WorkspaceId workspace, Instant seenAt) {
        var id = new CustomerId(Ids.next());
        jdbc.sql("insert into customer (workspace_id, id, first_seen_at, last_seen_at) values (?, ?, ?, ?)")
                .params(workspace.value(), id.value(), Timestamp.from(seenAt), Timestamp.from(seenAt))
                .update();
        return new Profile(id, null, null, "{}", "{}");
    }

    void attach(WorkspaceId workspace, CustomerId customer, IdentityKind kind, String value, Instant seenAt) {
        jdbc.sql("insert into customer_identity (workspace_id, kind, value, customer_id, first_seen_at)"
                        + " values (?, ?, ?, ?, ?) on conflict (workspace_id, kind, value) do nothing")
                .params(
                        workspace.value(),
                        kind.wireName(),
                        kind.normalize(value),
                        customer.value(),
                        Timestamp.from(seenAt))
                .update();
        if (kind == IdentityKind.USER_ID) {
            jdbc.sql("update customer set user_id = coalesce(user_id, ?) where workspace_id = ? and id = ?")
                    .params(value, workspace.value(), customer.value())
                    .update();
        }
    }

    void touch(WorkspaceId workspace, CustomerId customer, Instant seenAt) {
        var at = Timestamp.from(seenAt);
        jdbc.sql("update customer set first_seen_at = least(first_seen_at, ?), last_seen_at = greatest(last_seen_at, ?)"
                        + " where workspace_id = ? and id = ?")
                .params(at, at, workspace.value(), customer.value())
                .update();
    }

    /**
     * First and last seen of many profiles in one statement; rows whose times do not change are
     * not written (most repeat visits fall inside what is known).
     */
    void touchAll(WorkspaceId workspace, Map<CustomerId, Instant[]> seen) {
        if (seen.isEmpty()) {
            return;
        }
        var ids = new ArrayList<>(seen.keySet());
        jdbc.sql("""
                        update customer c set first_seen_at = least(c.first_seen_at, t.first),
                                              last_seen_at = greatest(c.last_seen_at, t.last)
                        from unnest(?::uuid[], ?::timestamptz[], ?::timestamptz[]) as t(id, first, last)
                        where c.workspace_id = ? and c.id = t.id
                          and (t.first < c.first_seen_at or t.last > c.last_seen_at)""")
                .params(
                        ids.stream().map(CustomerId::value).toArray(UUID[]::new),
                        ids.stream().map(id -> Timestamp.from(seen.get(id)[0])).toArray(Timestamp[]::new),
                        ids.stream().map(id -> Timestamp.from(seen.get(id)[1])).toArray(Timestamp[]::new),
                        workspace.value())
                .update();
    }

    void saveTraits(
            WorkspaceId workspace,
            CustomerId customer,
            String traits,
            String traitTimes,
            @Nullable String email,
            @Nullable String displayName) {
        jdbc.sql("update customer set traits = ?::jsonb, trait_times = ?::jsonb, email = coalesce(?, email),"
                        + " display_name = coalesce(?, display_name) where workspace_id = ? and id = ?")
                .params(traits, traitTimes, email, displayName, workspace.value(), customer.value())
                .update();
    }

    /** Moves everything of {@code merged} to {@code survivor}; the merged profile remains as a pointer. */
    void merge(WorkspaceId workspace, Profile merged, Profile survivor, String traits, String traitTimes) {
        var ws = workspace.value();
        jdbc.sql("update customer_identity set customer_id = ? where workspace_id = ? and customer_id = ?")
                .params(survivor.id().value(), ws, merged.id().value())
                .update();
        jdbc.sql("""
                        insert into customer_consent (workspace_id, customer_id, channel, granted, source, recorded_at,
                                                      api_key_id)
                        select workspace_id, ?, channel, granted, source, recorded_at, api_key_id from customer_consent
                        where workspace_id = ? and customer_id = ?
                        on conflict (workspace_id, customer_id, channel) do update
                          set granted = excluded.granted, source = excluded.source, recorded_at = excluded.recorded_at,
                              api_key_id = excluded.api_key_id
                          where customer_consent.recorded_at < excluded.recorded_at""").params(survivor.id().value(), ws, merged.id().value()).update();
        jdbc.sql("delete from customer_consent where workspace_id = ? and customer_id = ?")
                .params(ws, merged.id().value())
                .update();
        jdbc.sql("""
                        update customer s set
                          user_id = coalesce(s.user_id, m.user_id), email = coalesce(s.email, m.email),
                          display_name = coalesce(s.display_name, m.display_name),
                          traits = ?::jsonb, trait_times = ?::jsonb,
                          first_seen_at = least(s.first_seen_at, m.first_seen_at),
                          last_seen_at = greatest(s.last_seen_at, m.last_seen_at)
                        from customer m
                        where s.workspace_id = ? and s.id = ? and m.workspace_id = s.workspace_id and m.id = ?""")
                .params(
                        traits,
                        traitTimes,
                        ws,
                        survivor.id().value(),
                        merged.id().value())
                .update();
        jdbc.sql("update customer set merged_into = ? where workspace_id = ? and (id = ? or merged_into = ?)")
                .params(
                        survivor.id().value(),
                        ws,
                        merged.id().value(),
                        merged.id().value())
                .update();
    }
}
