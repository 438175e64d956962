package org.opencxm.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.opencxm.platform.Actor;
import org.opencxm.platform.CurrentActor;
import org.opencxm.platform.PublicEndpoint;
import org.opencxm.platform.Workspaces;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.NotFoundException;
import org.opencxm.platform.internal.Users;
import org.opencxm.platform.security.WorkspaceSwitch;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An invited person follows their link: someone new chooses a password; someone with an account
 * signs in as themselves and accepts. The link works once and expires after a week.
 */
@Controller
@PublicEndpoint
class InvitationController {

    private final Users users;
    private final Workspaces workspaces;
    private final WorkspaceSwitch workspaceSwitch;
    private final RequestCache afterSignIn = new HttpSessionRequestCache();

    InvitationController(Users users, Workspaces workspaces, WorkspaceSwitch workspaceSwitch) {
        this.users = users;
        this.workspaces = workspaces;
        this.workspaceSwitch = workspaceSwitch;
    }

    @GetMapping("/invitation/{token}")
    String show(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        var user = users.findByInvitation(token);
        if (user.isPresent()) {
            model.addAttribute("user", user.get());
            return "platform/invitation";
        }
        var membership = users.findMembershipInvitation(token);
        if (membership.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "platform/invitation-invalid";
        }
        var signedIn = CurrentActor.get().map(Actor::userId).orElse(null);
        if (signedIn == null) {
            afterSignIn.saveRequest(request, response);
        }
        model.addAttribute("token", token);
        model.addAttribute("membership", membership.get());
        model.addAttribute("workspace", workspaces.get(membership.get().workspaceId()));
        model.addAttribute("signedIn", signedIn != null);
        model.addAttribute("itsOwner", membership.get().id().equals(signedIn));
        return "platform/invitation-join";
    }

    /** Only the invited account, signed in, can accept; it then works in the new workspace. */
    @PostMapping("/invitation/{token}/join")
    String join(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        var actor = CurrentActor.get().filter(a -> a.userId() != null);
        if (actor.isEmpty()) {
            return "redirect:/invitation/" + token;
        }
        try {
            var joined = users.join(token, actor.get().userId());
            workspaceSwitch.enter(actor.get(), joined.workspaceId(), request, response);
            return "redirect:/?joined";
        } catch (NotFoundException e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "platform/invitation-invalid";
        }
    }

    @PostMapping("/invitation/{token}")
    String accept(
            @PathVariable String token,
            @RequestParam String password,
            @RequestParam String confirmation,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        var user = users.findByInvitation(token);
        if (user.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "platform/invitation-invalid";
        }
        String error = null;
        if (!password.equals(confirmation)) {
            error = "validation.password.mismatch";
        } else {
            try {
                users.acceptInvitation(token, password);
            } catch (InvalidInputException e) {
                error = e.messageKey();
            }
        }
        if (error != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("user", user.get());
            model.addAttribute("error", error);
            return "platform/invitation";
        }
        redirect.addAttribute("welcome", "");
        return "redirect:/login";
    }
}
