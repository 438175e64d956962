package org.opencxm.platform.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.opencxm.platform.Actor;
import org.opencxm.platform.AnyRole;
import org.opencxm.platform.Role;
import org.opencxm.platform.Workspace;
import org.opencxm.platform.Workspaces;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Workspace", description = "The caller's workspace and identity")
class WorkspaceApi {

    /** Who the caller is, as the server sees it. */
    record Me(Actor actor, Workspace workspace) {}

    private final Workspaces workspaces;

    WorkspaceApi(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping("/me")
    @AnyRole
    Me me(Actor actor) {
        return new Me(actor, workspaces.get(actor.workspaceId()));
    }

    @GetMapping("/workspace")
    @AnyRole
    Workspace get(Actor actor) {
        return workspaces.get(actor.workspaceId());
    }

    @PutMapping("/workspace")
    @Secured(Role.ADMIN_AUTHORITY)
    Workspace update(Actor actor, @Valid @RequestBody WorkspaceSettings settings) {
        return settings.applyTo(actor.workspaceId(), workspaces);
    }
}
