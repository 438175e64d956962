package org.opencxm.touchpoints.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.UUID;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Department;
import org.opencxm.platform.Role;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.touchpoints.Channel;
import org.opencxm.touchpoints.TouchpointDraft;
import org.opencxm.touchpoints.TouchpointId;
import org.opencxm.touchpoints.Touchpoints;
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

/** Settings › Touchpoints: the registry, with channel, owning department and cost per contact. */
@Controller
@RequestMapping("/settings/touchpoints")
@Secured(Role.ADMIN_AUTHORITY)
class TouchpointPages {

    private final Touchpoints touchpoints;

    TouchpointPages(Touchpoints touchpoints) {
        this.touchpoints = touchpoints;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("channels", Channel.values());
        model.addAttribute("departments", Department.values());
    }

    @GetMapping
    String list(Actor actor, Model model) {
        model.addAttribute("touchpoints", touchpoints.list(actor.workspaceId()));
        model.addAttribute(
                "draft", new TouchpointDraft("", "", Channel.WEB, Department.MARKETING, BigDecimal.ZERO, true));
        return "touchpoints/list";
    }

    @PostMapping
    String create(
            Actor actor,
            @Valid @ModelAttribute("draft") TouchpointDraft draft,
            BindingResult form,
            Model model,
            HttpServletResponse response) {
        if (!form.hasErrors()) {
            try {
                touchpoints.create(actor.workspaceId(), draft);
                return "redirect:/settings/touchpoints?saved";
            } catch (InvalidInputException e) {
                form.rejectValue(e.field(), e.messageKey());
            }
        }
        model.addAttribute("touchpoints", touchpoints.list(actor.workspaceId()));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "touchpoints/list";
    }

    @GetMapping("/{id}")
    String edit(Actor actor, @PathVariable UUID id, Model model) {
        var touchpoint = touchpoints.get(actor.workspaceId(), new TouchpointId(id));
        model.addAttribute("touchpoint", touchpoint);
        model.addAttribute(
                "draft",
                new TouchpointDraft(
                        touchpoint.key(),
                        touchpoint.name(),
                        touchpoint.channel(),
                        touchpoint.department(),
                        touchpoint.costPerContact(),
                        touchpoint.active()));
        return "touchpoints/edit";
    }

    @PostMapping("/{id}")
    String update(
            Actor actor,
            @PathVariable UUID id,
            @Valid @ModelAttribute("draft") TouchpointDraft draft,
            BindingResult form,
            Model model,
            HttpServletResponse response) {
        var touchpoint = touchpoints.get(actor.workspaceId(), new TouchpointId(id));
        if (!form.hasErrors()) {
            try {
                touchpoints.update(actor.workspaceId(), touchpoint.id(), draft);
                return "redirect:/settings/touchpoints?saved";
            } catch (InvalidInputException e) {
                form.rejectValue(e.field(), e.messageKey());
            }
        }
        model.addAttribute("touchpoint", touchpoint);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "touchpoints/edit";
    }
}
