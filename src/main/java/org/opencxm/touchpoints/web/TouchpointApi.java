package org.opencxm.touchpoints.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.opencxm.platform.Actor;
import org.opencxm.platform.AnyRole;
import org.opencxm.platform.Role;
import org.opencxm.touchpoints.Touchpoint;
import org.opencxm.touchpoints.TouchpointDraft;
import org.opencxm.touchpoints.TouchpointId;
import org.opencxm.touchpoints.Touchpoints;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/touchpoints")
@Tag(name = "Touchpoints", description = "Where customers meet the company; every event is attributed to one")
class TouchpointApi {

    private final Touchpoints touchpoints;

    TouchpointApi(Touchpoints touchpoints) {
        this.touchpoints = touchpoints;
    }

    @GetMapping
    @AnyRole
    List<Touchpoint> list(Actor actor) {
        return touchpoints.list(actor.workspaceId());
    }

    @GetMapping("/{id}")
    @AnyRole
    Touchpoint get(Actor actor, @PathVariable UUID id) {
        return touchpoints.get(actor.workspaceId(), new TouchpointId(id));
    }

    @PostMapping
    @Secured(Role.ADMIN_AUTHORITY)
    ResponseEntity<Touchpoint> create(Actor actor, @Valid @RequestBody TouchpointDraft draft) {
        var created = touchpoints.create(actor.workspaceId(), draft);
        return ResponseEntity.created(URI.create("/api/v1/touchpoints/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    @Secured(Role.ADMIN_AUTHORITY)
    Touchpoint update(Actor actor, @PathVariable UUID id, @Valid @RequestBody TouchpointDraft draft) {
        return touchpoints.update(actor.workspaceId(), new TouchpointId(id), draft);
    }
}
