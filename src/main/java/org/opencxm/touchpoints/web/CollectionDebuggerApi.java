package org.opencxm.touchpoints.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.Actor;
import org.opencxm.platform.ApiKeyId;
import org.opencxm.platform.Role;
import org.opencxm.touchpoints.internal.CollectionDebugger;
import org.opencxm.touchpoints.internal.IncomingEvent;
import org.opencxm.touchpoints.internal.RejectedMessage;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The event debugger's lists for scripts and monitoring: what arrived lately, what was turned away. */
@RestController
@RequestMapping("/api/v1/collection")
@Secured(Role.ADMIN_AUTHORITY)
@Tag(name = "Collection", description = "The event debugger: received and rejected messages (admins only)")
class CollectionDebuggerApi {

    private final CollectionDebugger debugger;

    CollectionDebuggerApi(CollectionDebugger debugger) {
        this.debugger = debugger;
    }

    /** Events received in the last day, newest first; of one write key if given. */
    @GetMapping("/events")
    List<IncomingEvent> received(
            Actor actor,
            @RequestParam(required = false) @Nullable UUID writeKey,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return debugger.received(actor.workspaceId(), writeKey == null ? null : new ApiKeyId(writeKey), limit);
    }

    /** Messages the collection API could not store, newest first, each with its reasons. */
    @GetMapping("/rejected")
    List<RejectedMessage> rejected(
            Actor actor,
            @RequestParam(required = false) @Nullable UUID writeKey,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return debugger.rejected(actor.workspaceId(), writeKey == null ? null : new ApiKeyId(writeKey), limit);
    }
}
