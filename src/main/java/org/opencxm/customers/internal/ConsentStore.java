package org.opencxm.customers.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.Consent;
import org.opencxm.customers.ConsentChannel;
import org.opencxm.customers.CustomerId;
import org.opencxm.platform.ApiKeyId;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of {@code customer_consent}: each customer's answer per channel, the newest answer
 * winning. (Merging moves consent with the rest of a profile, in {@link CustomerStore#merge}.)
 */
@Component
public class ConsentStore {

    private final JdbcClient jdbc;

    ConsentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Consent> consents(WorkspaceId workspace, CustomerId id) {
        return jdbc.sql("select channel, granted, source, recorded_at, api_key_id from customer_consent"
                        + " where workspace_id = ? and customer_id = ? order by channel")
                .params(workspace.value(), id.value())
                .query((rs, n) -> new Consent(
                        ConsentChannel.valueOf(rs.getString(1)),
                        rs.getBoolean(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getObject(5) == null ? null : new ApiKeyId(rs.getObject(5, UUID.class))))
                .list();
    }

    public void recordConsent(
            WorkspaceId workspace,
            CustomerId customer,
            ConsentChannel channel,
            boolean granted,
            String source,
            @Nullable ApiKeyId writeKey,
            Instant at) {
        jdbc.sql("""
                        insert into customer_consent (workspace_id, customer_id, channel, granted, source, recorded_at,
                                                      api_key_id)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (workspace_id, customer_id, channel) do update
                          set granted = excluded.granted, source = excluded.source, recorded_at = excluded.recorded_at,
                              api_key_id = excluded.api_key_id
                          where customer_consent.recorded_at <= excluded.recorded_at""")
                .params(
                        workspace.value(),
                        customer.value(),
                        channel.name(),
                        granted,
                        source,
                        Timestamp.from(at),
                        writeKey == null ? null : writeKey.value())
                .update();
    }
}
