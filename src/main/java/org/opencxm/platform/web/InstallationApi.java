package org.opencxm.platform.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Language;
import org.opencxm.platform.Role;
import org.opencxm.platform.Workspace;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.Workspaces;
import org.opencxm.platform.internal.NewUser;
import org.opencxm.platform.internal.UserAccount;
import org.opencxm.platform.internal.WorkspaceCreation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Workspaces of the installation, for an installation admin's automation: an admin token made
 * as an installation token (Settings › API keys, by an installation admin).
 */
@RestController
@RequestMapping("/api/v1/workspaces")
@Secured(Role.INSTALLATION_ADMIN_AUTHORITY)
@Tag(name = "Workspaces", description = "Create, rename, archive workspaces (installation tokens only)")
class InstallationApi {

    /**
     * A new workspace and its first admin; {@code admin.role} is ignored, the admin is an admin.
     */
    record NewWorkspace(
            @NotNull @Valid WorkspaceSettings settings,
            @NotNull @Valid NewUser admin) {}

    /** The workspace, its admin, and the link to pass on if the admin had no account yet (shown once). */
    record CreatedWorkspace(Workspace workspace, UserAccount admin, String invitationUrl) {}

    private final Workspaces workspaces;
    private final WorkspaceCreation creation;
    private final PublicAddress address;

    InstallationApi(Workspaces workspaces, WorkspaceCreation creation, PublicAddress address) {
        this.workspaces = workspaces;
        this.creation = creation;
        this.address = address;
    }

    @GetMapping
    List<Workspace> list() {
        return workspaces.all();
    }

    @GetMapping("/{id}")
    Workspace get(@PathVariable UUID id) {
        return workspaces.get(new WorkspaceId(id));
    }

    @PostMapping
    ResponseEntity<CreatedWorkspace> create(@Valid @RequestBody NewWorkspace request) {
        var settings = request.settings();
        var created = creation.createWithAdmin(
                settings.name(),
                Language.parse(settings.defaultLocale()).orElseThrow().locale(),
                ZoneId.of(settings.timeZone()),
                request.admin());
        var invitation = created.admin();
        return ResponseEntity.created(
                        URI.create("/api/v1/workspaces/" + created.workspace().id()))
                .body(new CreatedWorkspace(created.workspace(), invitation.user(), address.of(invitation.path())));
    }

    @PutMapping("/{id}")
    Workspace update(@PathVariable UUID id, @Valid @RequestBody WorkspaceSettings settings) {
        var workspace = workspaces.get(new WorkspaceId(id));
        return settings.applyTo(workspace.id(), workspaces);
    }

    /** Not the token's own workspace, and not the last one an installation admin can work in. */
    @PostMapping("/{id}/archive")
    Workspace archive(Actor actor, @PathVariable UUID id) {
        return workspaces.archive(new WorkspaceId(id), actor.workspaceId());
    }

    @PostMapping("/{id}/restore")
    Workspace restore(@PathVariable UUID id) {
        return workspaces.restore(new WorkspaceId(id));
    }
}
