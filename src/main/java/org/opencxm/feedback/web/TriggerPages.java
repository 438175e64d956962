package org.opencxm.feedback.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.opencxm.feedback.SurveyId;
import org.opencxm.feedback.internal.SurveyTrigger;
import org.opencxm.feedback.internal.Surveys;
import org.opencxm.feedback.internal.TriggerId;
import org.opencxm.feedback.internal.Triggers;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The builder's event triggers: N days after event X, for customers whose trait Y is Z, invite by e-mail. */
@Controller
@RequestMapping("/feedback/surveys/{id}/triggers")
@Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY})
class TriggerPages {

    private final Surveys surveys;
    private final Triggers triggers;
    private final BuilderPage builder;

    TriggerPages(Surveys surveys, Triggers triggers, BuilderPage builder) {
        this.surveys = surveys;
        this.triggers = triggers;
        this.builder = builder;
    }

    @PostMapping
    String add(
            Actor actor,
            @PathVariable UUID id,
            @Valid @ModelAttribute("newTrigger") SurveyTrigger.Draft draft,
            BindingResult binding,
            Model model,
            HttpServletResponse response) {
        var survey = surveys.get(actor.workspaceId(), new SurveyId(id));
        if (binding.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return builder.show(actor, survey, SurveySettingsForm.of(survey), null, null, model);
        }
        triggers.create(actor.workspaceId(), survey.id(), draft);
        return "redirect:/feedback/surveys/" + id + "?saved#triggers";
    }

    @PostMapping("/{triggerId}/stop")
    String stop(Actor actor, @PathVariable UUID id, @PathVariable UUID triggerId) {
        triggers.stop(actor.workspaceId(), new SurveyId(id), new TriggerId(triggerId));
        return "redirect:/feedback/surveys/" + id + "?saved#triggers";
    }
}
