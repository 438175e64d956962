package org.opencxm.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Department;
import org.opencxm.platform.Role;
import org.opencxm.platform.UserId;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.Paging;
import org.opencxm.platform.internal.NewUser;
import org.opencxm.platform.internal.UserChanges;
import org.opencxm.platform.internal.Users;
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
import org.springframework.web.bind.annotation.RequestParam;

/** Settings › Users: invite, change role and department, disable. */
@Controller
@RequestMapping("/settings/users")
@Secured(Role.ADMIN_AUTHORITY)
class UserPages {

    private final Users users;
    private final PublicAddress address;

    UserPages(Users users, PublicAddress address) {
        this.users = users;
        this.address = address;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("departments", Department.values());
    }

    @GetMapping
    String list(
            Actor actor,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("users", users.list(actor.workspaceId(), new Paging(page, Paging.DEFAULT_SIZE), q));
        model.addAttribute("q", q);
        return "platform/users";
    }

    @GetMapping("/new")
    String invitationForm(Model model) {
        model.addAttribute("user", new NewUser("", "", Role.VIEWER, Department.MANAGEMENT));
        return "platform/user-new";
    }

    @PostMapping
    String invite(
            Actor actor,
            @Valid @ModelAttribute("user") NewUser user,
            BindingResult form,
            Model model,
            HttpServletResponse response) {
        if (!form.hasErrors()) {
            try {
                var invitation = users.invite(actor.workspaceId(), user);
                model.addAttribute("invitation", invitation);
                model.addAttribute("invitationUrl", address.of(invitation.path()));
                return "platform/user-invited";
            } catch (InvalidInputException e) {
                form.rejectValue(e.field(), e.messageKey());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "platform/user-new";
    }

    @GetMapping("/{id}")
    String edit(Actor actor, @PathVariable UUID id, Model model) {
        var user = users.get(actor.workspaceId(), new UserId(id));
        model.addAttribute("account", user);
        model.addAttribute(
                "changes", new UserChanges(user.displayName(), user.role(), user.department(), user.enabled()));
        return "platform/user-edit";
    }

    @PostMapping("/{id}")
    String update(
            Actor actor,
            @PathVariable UUID id,
            @Valid @ModelAttribute("changes") UserChanges changes,
            BindingResult form,
            Model model,
            HttpServletResponse response) {
        var userId = new UserId(id);
        var user = users.get(actor.workspaceId(), userId);
        if (!form.hasErrors()) {
            try {
                users.update(actor.workspaceId(), userId, changes);
                return "redirect:/settings/users?saved";
            } catch (InvalidInputException e) {
                form.rejectValue(e.field(), e.messageKey());
            }
        }
        model.addAttribute("account", user);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "platform/user-edit";
    }
}
