package org.opencxm.platform.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import org.opencxm.platform.Language;
import org.opencxm.platform.Workspace;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.Workspaces;

/** The settings an admin may change; the same record binds the form and the API body. */
public record WorkspaceSettings(
        @NotBlank @Size(max = 120) String name,
        @NotNull @Language.Supported String defaultLocale,
        @NotBlank @ValidTimeZone String timeZone) {

    static WorkspaceSettings of(Workspace workspace) {
        return new WorkspaceSettings(
                workspace.name(),
                workspace.defaultLocale().getLanguage(),
                workspace.timeZone().getId());
    }

    /** Valid settings only: the annotations have been checked. */
    Workspace applyTo(WorkspaceId workspace, Workspaces workspaces) {
        return workspaces.update(workspace, name, Language.parse(defaultLocale).orElseThrow(), ZoneId.of(timeZone));
    }
}
