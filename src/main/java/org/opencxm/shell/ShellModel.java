package org.opencxm.shell;

import jakarta.servlet.http.HttpServletRequest;
import org.opencxm.platform.CurrentActor;
import org.opencxm.platform.Language;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page of the shell shows: who is signed in, the navigation, the language switch. */
@ControllerAdvice(annotations = Controller.class)
class ShellModel {

    private final Navigation navigation;

    ShellModel(Navigation navigation) {
        this.navigation = navigation;
    }

    @ModelAttribute
    void shell(Model model, HttpServletRequest request) {
        model.addAttribute("languages", Language.values());
        model.addAttribute("currentPath", request.getRequestURI());
        CurrentActor.get().ifPresent(actor -> {
            model.addAttribute("actor", actor);
            model.addAttribute("areas", navigation.visibleTo(actor.role()));
        });
    }
}
