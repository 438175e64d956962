package org.opencxm.feedback.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.opencxm.feedback.DefinitionEdits;
import org.opencxm.feedback.Invitations;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.Survey;
import org.opencxm.feedback.SurveyDraft;
import org.opencxm.feedback.SurveyId;
import org.opencxm.feedback.SurveyStatus;
import org.opencxm.feedback.SurveyTemplate;
import org.opencxm.feedback.SurveyTrigger;
import org.opencxm.feedback.Surveys;
import org.opencxm.feedback.TriggerId;
import org.opencxm.feedback.Triggers;
import org.opencxm.platform.Actor;
import org.opencxm.platform.InvalidInputException;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.Role;
import org.opencxm.touchpoints.Touchpoints;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Feedback › Surveys › one survey: the builder (settings, questions on pages, skip logic), preview. */
@Controller
@RequestMapping("/feedback/surveys/{id}")
@Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY})
class SurveyPages {

    private final Surveys surveys;
    private final Touchpoints touchpoints;
    private final Invitations invitations;
    private final SurveyView view;
    private final Triggers triggers;

    SurveyPages(Surveys surveys, Touchpoints touchpoints, Invitations invitations, SurveyView view, Triggers triggers) {
        this.triggers = triggers;
        this.surveys = surveys;
        this.touchpoints = touchpoints;
        this.invitations = invitations;
        this.view = view;
    }

    @GetMapping
    String edit(Actor actor, @PathVariable UUID id, Model model) {
        var survey = surveys.get(actor.workspaceId(), new SurveyId(id));
        return show(actor, survey, SurveySettingsForm.of(survey), null, null, model);
    }

    @PostMapping
    String saveSettings(
            Actor actor,
            @PathVariable UUID id,
            @Valid @ModelAttribute("settings") SurveySettingsForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response) {
        var survey = surveys.get(actor.workspaceId(), new SurveyId(id));
        if (!binding.hasErrors()) {
            try {
                surveys.update(actor.workspaceId(), survey.id(), form.applyTo(survey));
                return "redirect:/feedback/surveys/" + id + "?saved";
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> binding.reject(p.messageKey()));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return show(actor, survey, form, null, null, model);
    }

    @PostMapping("/questions")
    String addQuestion(
            Actor actor,
            @PathVariable UUID id,
            @ModelAttribute("newQuestion") QuestionForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response) {
        return putQuestion(actor, id, null, form, binding, model, response);
    }

    @PostMapping("/questions/{questionId}")
    String changeQuestion(
            Actor actor,
            @PathVariable UUID id,
            @PathVariable String questionId,
            @ModelAttribute("question") QuestionForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response) {
        return putQuestion(actor, id, questionId, form, binding, model, response);
    }

    @PostMapping("/questions/{questionId}/delete")
    String removeQuestion(
            Actor actor,
            @PathVariable UUID id,
            @PathVariable String questionId,
            Model model,
            HttpServletResponse response) {
        var survey = surveys.get(actor.workspaceId(), new SurveyId(id));
        return saveDefinition(actor, survey, DefinitionEdits.remove(survey.definition(), questionId), model, response);
    }

    @PostMapping("/questions/{questionId}/move")
    String moveQuestion(
            Actor actor,
            @PathVariable UUID id,
            @PathVariable String questionId,
            @RequestParam int by,
            Model model,
            HttpServletResponse response) {
        var survey = surveys.get(actor.workspaceId(), new SurveyId(id));
        return saveDefinition(
                actor, survey, DefinitionEdits.move(survey.definition(), questionId, by), model, response);
    }

    @PostMapping("/triggers")
    String addTrigger(
            Actor actor,
            @PathVariable UUID id,
            @Valid @ModelAttribute("newTrigger") SurveyTrigger.Draft draft,
            BindingResult binding,
            Model model,
            HttpServletResponse response) {
        var survey = surveys.get(actor.workspaceId(), new SurveyId(id));
        if (binding.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(actor, survey, SurveySettingsForm.of(survey), null, null, model);
        }
        triggers.create(actor.workspaceId(), survey.id(), draft);
        return "redirect:/feedback/surveys/" + id + "?saved#triggers";
    }

    @PostMapping("/triggers/{triggerId}/stop")
    String stopTrigger(Actor actor, @PathVariable UUID id, @PathVariable UUID triggerId) {
        triggers.stop(actor.workspaceId(), new SurveyId(id), new TriggerId(triggerId));
        return "redirect:/feedback/surveys/" + id + "?saved#triggers";
    }

    @GetMapping("/preview")
    String preview(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String lang,
            Model model) {
        var survey = surveys.get(actor.workspaceId(), new SurveyId(id));
        var language = "de".equals(lang) || "en".equals(lang) ? lang : survey.defaultLanguage();
        var shown = Math.max(0, Math.min(page, survey.definition().pages().size() - 1));
        view.preview(model, survey, shown, language);
        var base = "/feedback/surveys/" + id + "/preview";
        model.addAttribute("base", base + "?page=" + shown);
        model.addAttribute("previewBase", base);
        return "feedback/respond";
    }

    private String putQuestion(
            Actor actor,
            UUID id,
            String replacing,
            QuestionForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response) {
        var survey = surveys.get(actor.workspaceId(), new SurveyId(id));
        var errors = new java.util.ArrayList<String>();
        if (binding.hasErrors()) {
            errors.add("typeMismatch");
        } else if (form.type() == null) {
            errors.add("survey.invalid.type");
        } else {
            var changed = DefinitionEdits.put(survey.definition(), replacing, form.toQuestion(), form.page() - 1);
            try {
                surveys.update(
                        actor.workspaceId(), survey.id(), SurveyDraft.of(survey).with(changed));
                return "redirect:/feedback/surveys/" + id + "?saved#questions";
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> errors.add(p.messageKey()));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("questionErrors", errors.stream().distinct().toList());
        return show(actor, survey, SurveySettingsForm.of(survey), replacing == null ? "" : replacing, form, model);
    }

    private String saveDefinition(
            Actor actor,
            Survey survey,
            org.opencxm.feedback.SurveyDefinition changed,
            Model model,
            HttpServletResponse response) {
        try {
            surveys.update(
                    actor.workspaceId(), survey.id(), SurveyDraft.of(survey).with(changed));
            return "redirect:/feedback/surveys/" + survey.id() + "?saved#questions";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("definitionErrors", e.problems());
            return show(actor, survey, SurveySettingsForm.of(survey), null, null, model);
        }
    }

    private String show(
            Actor actor, Survey survey, SurveySettingsForm settings, String editing, QuestionForm failed, Model model) {
        var definition = survey.definition();
        model.addAttribute("survey", survey);
        model.addAttribute("settings", settings);
        model.addAttribute("statuses", SurveyStatus.values());
        model.addAttribute("stages", LifecycleStage.values());
        model.addAttribute("types", QuestionType.values());
        model.addAttribute("touchpoints", touchpoints.list(actor.workspaceId()));
        model.addAttribute("pages", definition.pages());
        model.addAttribute(
                "language",
                org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
        model.addAttribute("editing", editing);
        model.addAttribute(
                "questionForms",
                definition.pages().stream()
                        .flatMap(page -> page.questions().stream())
                        .map(q -> failed != null && q.id().equals(editing)
                                ? failed
                                : QuestionForm.of(q, definition.pageOf(q.id())))
                        .toList());
        model.addAttribute(
                "newQuestion",
                "".equals(editing) && failed != null
                        ? failed
                        : QuestionForm.blank(definition.pages().size()));
        model.addAttribute("recentInvitations", invitations.ofSurvey(actor.workspaceId(), survey.id(), 20));
        model.addAttribute("templates", List.of(SurveyTemplate.values()));
        model.addAttribute("triggers", triggers.ofSurvey(actor.workspaceId(), survey.id()));
        if (!model.containsAttribute("newTrigger")) {
            model.addAttribute("newTrigger", new SurveyTrigger.Draft("Order Delivered", 3, "", ""));
        }
        return "feedback/survey";
    }
}
