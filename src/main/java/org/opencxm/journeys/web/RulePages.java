package org.opencxm.journeys.web;

import jakarta.servlet.http.HttpServletResponse;
import org.opencxm.journeys.internal.InactivityWindow;
import org.opencxm.journeys.internal.JourneyRules;
import org.opencxm.journeys.internal.Occasion;
import org.opencxm.journeys.internal.RuleBook;
import org.opencxm.journeys.internal.RulePreview;
import org.opencxm.journeys.internal.StageRule;
import org.opencxm.platform.Actor;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.common.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Journeys › Rules: which event moves customers to which stage, and the inactivity window. A
 * preview replays the histories under the draft and shows who would move before anything is
 * saved; saving starts the replay of every customer.
 */
@Controller
@RequestMapping("/journeys/rules")
@EditsJourneyRules
class RulePages {

    private final RuleBook rules;
    private final RulePreview previews;

    RulePages(RuleBook rules, RulePreview previews) {
        this.rules = rules;
        this.previews = previews;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("stages", LifecycleStage.values());
        model.addAttribute("occasions", Occasion.values());
        model.addAttribute("identified", StageRule.IDENTIFIED);
        model.addAttribute("maxDays", InactivityWindow.MAX_DAYS);
    }

    @GetMapping
    String edit(Actor actor, Model model) {
        var current = rules.current(actor.workspaceId());
        show(model, RulesForm.of(current), current);
        model.addAttribute("progress", rules.progress(actor.workspaceId()).orElse(null));
        return "journeys/rules";
    }

    @PostMapping
    String submit(
            Actor actor,
            @ModelAttribute("form") RulesForm form,
            @RequestParam(defaultValue = "preview") String action,
            Model model,
            HttpServletResponse response) {
        var workspace = actor.workspaceId();
        try {
            if ("save".equals(action)) {
                rules.save(workspace, form.version(), form.stageRules(), form.window(), actor.userId());
                return "redirect:/journeys/rules?saved";
            }
            model.addAttribute("preview", previews.preview(workspace, form.stageRules(), form.window()));
        } catch (InvalidInputException e) {
            FieldProblems.show(e, model);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        show(model, form, rules.current(workspace));
        model.addAttribute("progress", rules.progress(workspace).orElse(null));
        return "journeys/rules";
    }

    private static void show(Model model, RulesForm form, JourneyRules current) {
        model.addAttribute("form", form);
        model.addAttribute("rows", form.rows());
        model.addAttribute("current", current);
    }
}
