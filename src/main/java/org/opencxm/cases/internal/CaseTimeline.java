package org.opencxm.cases.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import org.opencxm.cases.CaseView;
import org.opencxm.customers.Customers;
import org.opencxm.customers.IdentityKind;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.Interactions;
import org.opencxm.touchpoints.Touchpoints;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts the messages of a case on the customer's timeline, beside everything else they did: a
 * letter to them ("Case Message Sent") and their mail to us ("Case Message Received"), with the
 * case's number. The timeline holds no text of the message; the case does.
 */
@Component
class CaseTimeline {

    static final String SENT = "Case Message Sent";
    static final String RECEIVED = "Case Message Received";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Customers customers;
    private final Interactions interactions;
    private final Touchpoints touchpoints;

    CaseTimeline(Customers customers, Interactions interactions, Touchpoints touchpoints) {
        this.customers = customers;
        this.interactions = interactions;
        this.touchpoints = touchpoints;
    }

    /** @param key names the message once, so that it is on the timeline once */
    void record(WorkspaceId workspace, CaseView supportCase, String event, String key, Instant at) {
        var profile = customers.profile(workspace, supportCase.customerId());
        var userId = profile.ids(IdentityKind.USER_ID).stream().findFirst().orElse(null);
        var anonymousId = userId != null
                ? null
                : profile.ids(IdentityKind.ANONYMOUS_ID).stream().findFirst().orElse(null);
        if (userId == null && anonymousId == null) {
            return;
        }
        var properties = new LinkedHashMap<String, Object>();
        properties.put("case", supportCase.number());
        properties.put("caseId", supportCase.id().toString());
        var touchpoint = supportCase.touchpointId() != null
                ? supportCase.touchpointId()
                : touchpoints.unassigned(workspace).id();
        interactions.record(
                workspace,
                "case-" + supportCase.id() + "-" + key,
                userId,
                anonymousId,
                event,
                touchpoint,
                at,
                JSON.writeValueAsString(properties));
    }
}
