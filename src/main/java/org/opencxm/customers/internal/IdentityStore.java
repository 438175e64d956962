package org.opencxm.customers.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.CustomerIdentities;
import org.opencxm.customers.CustomerProfile;
import org.opencxm.customers.IdentityKind;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reads of the identity graph ({@code customer_identity}, with the profiles it points to):
 * who holds an id, one by one and in bulk, and the ids behind profiles for replays. What writes
 * the graph stays with {@link CustomerStore}, in the transaction of identity resolution.
 */
@Component
public class IdentityStore {

    private final JdbcClient jdbc;

    IdentityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CustomerProfile.Identity> identities(WorkspaceId workspace, CustomerId id) {
        return jdbc.sql("select kind, value, first_seen_at from customer_identity"
                        + " where workspace_id = ? and customer_id = ? order by kind desc, first_seen_at")
                .params(workspace.value(), id.value())
                .query((rs, n) -> new CustomerProfile.Identity(
                        IdentityKind.fromWire(rs.getString(1)),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** The profile that holds the id, if any. */
    public Optional<CustomerId> holder(WorkspaceId workspace, IdentityKind kind, String value) {
        return jdbc.sql("select customer_id from customer_identity where workspace_id = ? and kind = ? and value = ?")
                .params(workspace.value(), kind.wireName(), kind.normalize(value))
                .query((rs, n) -> new CustomerId(rs.getObject(1, UUID.class)))
                .optional();
    }

    /** Which customer holds each of these ids; ids nobody holds are left out. */
    public Map<String, CustomerId> holders(WorkspaceId workspace, IdentityKind kind, Collection<String> values) {
        var holders = new HashMap<String, CustomerId>();
        jdbc.sql(
                        "select value, customer_id from customer_identity where workspace_id = ? and kind = ? and value = any(?)")
                .params(
                        workspace.value(),
                        kind.wireName(),
                        values.stream().map(kind::normalize).distinct().toArray(String[]::new))
                .query((rs, n) -> holders.put(rs.getString(1), new CustomerId(rs.getObject(2, UUID.class))))
                .list();
        return holders;
    }

    /** The ids of these profiles (merged ones are left out), in the order of their profile ids. */
    public List<CustomerIdentities> identitiesOf(WorkspaceId workspace, Collection<CustomerId> ids) {
        return identities(
                "c.id = any(?) order by c.id",
                workspace.value(),
                ids.stream().map(CustomerId::value).distinct().toArray(UUID[]::new));
    }

    /** The ids of the next profiles after {@code after} in the order of profile ids, merged ones left out. */
    public List<CustomerIdentities> identitiesAfter(WorkspaceId workspace, @Nullable CustomerId after, int limit) {
        return identities(
                "c.id > ? order by c.id limit ?",
                workspace.value(),
                after == null ? new UUID(0, 0) : after.value(),
                limit);
    }

    private List<CustomerIdentities> identities(String condition, Object... params) {
        return jdbc.sql("""
                        select c.id, c.first_seen_at,
                          coalesce(array_agg(i.value order by i.first_seen_at) filter (where i.kind = 'user_id'), '{}'),
                          coalesce(array_agg(i.value order by i.first_seen_at) filter (where i.kind = 'anonymous_id'), '{}')
                        from (select id, workspace_id, first_seen_at from customer c
                              where c.workspace_id = ? and c.merged_into is null and\s""" + condition + """
                             ) c
                        left join customer_identity i on i.workspace_id = c.workspace_id and i.customer_id = c.id
                        group by c.id, c.first_seen_at order by c.id""")
                .params(params)
                .query((rs, n) -> new CustomerIdentities(
                        new CustomerId(rs.getObject(1, UUID.class)),
                        rs.getTimestamp(2).toInstant(),
                        List.of((String[]) rs.getArray(3).getArray()),
                        List.of((String[]) rs.getArray(4).getArray())))
                .list();
    }
}
