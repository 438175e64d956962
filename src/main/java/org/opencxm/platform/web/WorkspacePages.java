package org.opencxm.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Instant;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Role;
import org.opencxm.platform.Workspaces;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Settings › Workspace: name, default language, time zone. */
@Controller
@RequestMapping("/settings/workspace")
@Secured(Role.ADMIN_AUTHORITY)
class WorkspacePages {

    private final Workspaces workspaces;
    private final MessageSource messages;

    WorkspacePages(Workspaces workspaces, MessageSource messages) {
        this.workspaces = workspaces;
        this.messages = messages;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("timeZones", TimeZoneChoices.offered());
        model.addAttribute(
                "timeZoneRegions", TimeZoneChoices.byRegion(Instant.now(), LocaleContextHolder.getLocale(), messages));
    }

    @GetMapping
    String show(Actor actor, Model model) {
        var workspace = workspaces.get(actor.workspaceId());
        model.addAttribute("settings", WorkspaceSettings.of(workspace));
        return "platform/workspace";
    }

    @PostMapping
    String save(
            Actor actor,
            @Valid @ModelAttribute("settings") WorkspaceSettings settings,
            BindingResult form,
            HttpServletResponse response) {
        if (form.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "platform/workspace";
        }
        settings.applyTo(actor.workspaceId(), workspaces);
        return "redirect:/settings/workspace?saved";
    }
}
