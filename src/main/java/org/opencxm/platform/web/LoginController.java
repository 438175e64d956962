package org.opencxm.platform.web;

import java.time.Duration;
import org.opencxm.platform.PublicEndpoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
@PublicEndpoint
class LoginController {

    private final Duration lockout;

    LoginController(@Value("${opencxm.security.lockout}") Duration lockout) {
        this.lockout = lockout;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("lockoutMinutes", lockout.toMinutes());
        return "platform/login";
    }
}
