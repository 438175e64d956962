package org.opencxm.customers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.Ids;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of profiles and the identity graph; callers hold the transaction. */
@Component
class ProfileStore {

    /** A profile as identity resolution needs it. */
    record Profile(
            CustomerId id,
            @Nullable String userId,
            @Nullable String email,
            String traits,
            String traitTimes) {}

    private final JdbcClient jdbc;

    ProfileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serializes identity resolution within a workspace, so that two batches never race to create one person twice. */
    void lock(WorkspaceId workspace) {
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
                .params(workspace.value(), kind.column(), kind.normalize(value))
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
                        kind.column(),
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
                        insert into customer_consent (workspace_id, customer_id, channel, granted, source, recorded_at)
                        select workspace_id, ?, channel, granted, source, recorded_at from customer_consent
                        where workspace_id = ? and customer_id = ?
                        on conflict (workspace_id, customer_id, channel) do update
                          set granted = excluded.granted, source = excluded.source, recorded_at = excluded.recorded_at
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

    void recordConsent(
            WorkspaceId workspace,
            CustomerId customer,
            ConsentChannel channel,
            boolean granted,
            String source,
            Instant at) {
        jdbc.sql("""
                        insert into customer_consent (workspace_id, customer_id, channel, granted, source, recorded_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (workspace_id, customer_id, channel) do update
                          set granted = excluded.granted, source = excluded.source, recorded_at = excluded.recorded_at
                          where customer_consent.recorded_at <= excluded.recorded_at""")
                .params(workspace.value(), customer.value(), channel.name(), granted, source, Timestamp.from(at))
                .update();
    }
}
