package org.opencxm.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Language;
import org.opencxm.platform.Role;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.Workspaces;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.internal.WorkspaceCreation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The installation admin's workspaces: create one (and become its admin), rename, archive and
 * restore. Whatever workspace they are working in; the one they are in cannot be archived.
 */
@Controller
@RequestMapping("/installation/workspaces")
@Secured(Role.INSTALLATION_ADMIN_AUTHORITY)
class InstallationPages {

    private final Workspaces workspaces;
    private final WorkspaceCreation creation;
    private final MessageSource messages;

    InstallationPages(Workspaces workspaces, WorkspaceCreation creation, MessageSource messages) {
        this.workspaces = workspaces;
        this.creation = creation;
        this.messages = messages;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("timeZones", TimeZoneChoices.offered());
        model.addAttribute(
                "timeZoneRegions", TimeZoneChoices.byRegion(Instant.now(), LocaleContextHolder.getLocale(), messages));
    }

    @GetMapping
    String list(Actor actor, Model model) {
        model.addAttribute("workspaces", workspaces.all());
        if (!model.containsAttribute("newWorkspace")) {
            model.addAttribute("newWorkspace", new WorkspaceSettings("", "de", "Europe/Berlin"));
        }
        return "platform/installation-workspaces";
    }

    @PostMapping
    String create(
            Actor actor,
            @Valid @ModelAttribute("newWorkspace") WorkspaceSettings settings,
            BindingResult form,
            Model model,
            HttpServletResponse response) {
        if (form.hasErrors() || actor.userId() == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return list(actor, model);
        }
        var created = creation.createFor(
                actor.userId(),
                actor.name(),
                actor.department(),
                settings.name(),
                Language.parse(settings.defaultLocale()).orElseThrow().locale(),
                ZoneId.of(settings.timeZone()));
        return "redirect:/installation/workspaces?created=" + created.id();
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        var workspace = workspaces.get(new WorkspaceId(id));
        model.addAttribute("workspace", workspace);
        model.addAttribute("settings", WorkspaceSettings.of(workspace));
        return "platform/installation-workspace";
    }

    @PostMapping("/{id}")
    String rename(
            @PathVariable UUID id,
            @Valid @ModelAttribute("settings") WorkspaceSettings settings,
            BindingResult form,
            Model model,
            HttpServletResponse response) {
        var workspace = workspaces.get(new WorkspaceId(id));
        if (form.hasErrors()) {
            model.addAttribute("workspace", workspace);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "platform/installation-workspace";
        }
        settings.applyTo(workspace.id(), workspaces);
        return "redirect:/installation/workspaces?saved";
    }

    @PostMapping("/{id}/archive")
    String archive(Actor actor, @PathVariable UUID id, Model model, HttpServletResponse response) {
        var workspace = workspaces.get(new WorkspaceId(id));
        try {
            workspaces.archive(workspace.id(), actor.workspaceId());
        } catch (InvalidInputException e) {
            model.addAttribute("workspace", workspace);
            model.addAttribute("settings", WorkspaceSettings.of(workspace));
            model.addAttribute("error", e.messageKey());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "platform/installation-workspace";
        }
        return "redirect:/installation/workspaces?archived";
    }

    @PostMapping("/{id}/restore")
    String restore(@PathVariable UUID id) {
        workspaces.restore(new WorkspaceId(id));
        return "redirect:/installation/workspaces?restored";
    }
}
