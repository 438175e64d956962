package org.opencxm.shell;

import org.opencxm.platform.Actor;
import org.opencxm.platform.AnyRole;
import org.opencxm.platform.Workspaces;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
@AnyRole
class HomeController {

    private final Workspaces workspaces;

    HomeController(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping("/")
    String home(Actor actor, Model model) {
        model.addAttribute("workspace", workspaces.get(actor.workspaceId()));
        return "shell/home";
    }
}
