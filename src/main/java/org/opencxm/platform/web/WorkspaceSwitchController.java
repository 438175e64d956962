package org.opencxm.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.opencxm.platform.Actor;
import org.opencxm.platform.AnyRole;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.security.WorkspaceSwitch;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The workspace switch in the top bar: a form per workspace the person belongs to. */
@Controller
@AnyRole
class WorkspaceSwitchController {

    private final WorkspaceSwitch workspaceSwitch;

    WorkspaceSwitchController(WorkspaceSwitch workspaceSwitch) {
        this.workspaceSwitch = workspaceSwitch;
    }

    /** To the home page: the page in the workspace left may not exist in the one entered. */
    @PostMapping("/workspaces/{id}/enter")
    String enter(Actor actor, @PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) {
        workspaceSwitch.enter(actor, new WorkspaceId(id), request, response);
        return "redirect:/";
    }
}
