package org.opencxm.shell;

import jakarta.servlet.http.HttpServletRequest;
import org.opencxm.platform.CurrentActor;
import org.opencxm.platform.Language;
import org.opencxm.platform.Workspaces;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page of the shell shows: who is signed in, in which workspace (with the switch to
 * their others, and a label on a demo workspace), the navigation, the language switch.
 */
@ControllerAdvice(annotations = Controller.class)
class ShellModel {

    private final Navigation navigation;
    private final Workspaces workspaces;

    ShellModel(Navigation navigation, Workspaces workspaces) {
        this.navigation = navigation;
        this.workspaces = workspaces;
    }

    @ModelAttribute
    void shell(Model model, HttpServletRequest request) {
        model.addAttribute("languages", Language.values());
        model.addAttribute("currentPath", request.getRequestURI());
        CurrentActor.get().ifPresent(actor -> {
            model.addAttribute("actor", actor);
            model.addAttribute("areas", navigation.visibleTo(actor.role()));
            if (actor.userId() != null) {
                var mine = workspaces.of(actor.userId());
                model.addAttribute("myWorkspaces", mine);
                mine.stream()
                        .filter(workspace -> workspace.id().equals(actor.workspaceId()))
                        .findFirst()
                        .ifPresent(current -> model.addAttribute("currentWorkspace", current));
                model.addAttribute("installationAdmin", CurrentActor.isInstallationAdmin());
            }
        });
    }
}
