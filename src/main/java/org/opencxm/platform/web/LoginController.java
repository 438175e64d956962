package org.opencxm.platform.web;

import org.jspecify.annotations.Nullable;
import org.opencxm.platform.PublicEndpoint;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@PublicEndpoint
class LoginController {

    /** The longest wait the sign-in throttle imposes, in minutes: anything else in {@code ?wait=} is not ours. */
    private static final int LONGEST_WAIT = 60;

    @GetMapping("/login")
    String login(@RequestParam(required = false) @Nullable String wait, Model model) {
        if (wait != null) {
            model.addAttribute("waitMinutes", minutes(wait));
        }
        return "platform/login";
    }

    private static int minutes(String wait) {
        try {
            return Math.max(1, Math.min(LONGEST_WAIT, Integer.parseInt(wait)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
