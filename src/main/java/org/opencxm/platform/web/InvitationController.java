package org.opencxm.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.opencxm.platform.PublicEndpoint;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.internal.Users;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An invited user chooses a password; the link works once and expires after a week. */
@Controller
@PublicEndpoint
class InvitationController {

    private final Users users;

    InvitationController(Users users) {
        this.users = users;
    }

    @GetMapping("/invitation/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        var user = users.findByInvitation(token);
        if (user.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "platform/invitation-invalid";
        }
        model.addAttribute("user", user.get());
        return "platform/invitation";
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
