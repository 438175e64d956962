package org.opencxm.touchpoints;

import java.math.BigDecimal;
import java.time.Instant;
import org.opencxm.platform.Department;
import org.opencxm.platform.WorkspaceId;

/**
 * A registered touchpoint.
 *
 * @param key how events name it ({@code context.touchpoint}), e.g. {@code webshop}
 * @param costPerContact what one contact here costs, for budget planning
 */
public record Touchpoint(
        TouchpointId id,
        WorkspaceId workspaceId,
        String key,
        String name,
        Channel channel,
        Department department,
        BigDecimal costPerContact,
        boolean active,
        Instant createdAt) {

    public static final String UNASSIGNED = "unassigned";

    public boolean unassigned() {
        return UNASSIGNED.equals(key);
    }
}
