package org.opencxm.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Locale;
import java.util.UUID;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.SurveyId;
import org.opencxm.feedback.internal.DefinitionEdits;
import org.opencxm.feedback.internal.Survey;
import org.opencxm.feedback.internal.SurveyDefinition;
import org.opencxm.feedback.internal.SurveyDraft;
import org.opencxm.feedback.internal.Surveys;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Language;
import org.opencxm.platform.Role;
import org.opencxm.platform.common.InvalidInputException;
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

/** Feedback › Surveys › one survey: the builder's settings and questions (pages, skip logic), and the preview. */
@Controller
@RequestMapping("/feedback/surveys/{id}")
@Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY})
class SurveyPages {

    private final Surveys surveys;
    private final SurveyView view;
    private final BuilderPage builder;
    private final QuestionDefaults defaults;

    SurveyPages(Surveys surveys, SurveyView view, BuilderPage builder, QuestionDefaults defaults) {
        this.surveys = surveys;
        this.view = view;
        this.builder = builder;
        this.defaults = defaults;
    }

    /** The builder; {@code edit} opens one question's form, as after adding it. */
    @GetMapping
    String edit(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String edit, Model model) {
        var survey = surveys.get(actor.workspaceId(), new SurveyId(id));
        return builder.show(actor, survey, SurveySettingsForm.of(survey), edit, null, model);
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
        return builder.show(actor, survey, form, null, null, model);
    }

    /**
     * Adds a question of the type picked from the palette, with that type's usual wording in
     * both languages and an id made from the type, at the end; its form opens to adjust it.
     */
    @PostMapping("/questions")
    String addQuestion(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam QuestionType type,
            Model model,
            HttpServletResponse response) {
        var survey = surveys.get(actor.workspaceId(), new SurveyId(id));
        var question = defaults.of(type, DefinitionEdits.freshId(survey.definition(), type));
        var changed = DefinitionEdits.append(survey.definition(), question);
        try {
            surveys.update(
                    actor.workspaceId(), survey.id(), SurveyDraft.of(survey).with(changed));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("definitionErrors", e.problems());
            return builder.show(actor, survey, SurveySettingsForm.of(survey), null, null, model);
        }
        return "redirect:/feedback/surveys/" + id + "?edit=" + question.id() + "#q-" + question.id();
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

    @GetMapping("/preview")
    String preview(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(name = "language", required = false) String previewLanguage,
            @RequestParam(defaultValue = "desktop") String device,
            HttpServletRequest request,
            Model model) {
        var survey = surveys.get(actor.workspaceId(), new SurveyId(id));
        // not "lang", which would switch the staff member's own language
        var language = Language.parse(previewLanguage).map(Language::tag).orElse(survey.defaultLanguage());
        request.setAttribute(Language.PAGE_LANGUAGE, Locale.forLanguageTag(language));
        model.addAttribute("langParam", "language");
        model.addAttribute("device", "phone".equals(device) ? "phone" : "desktop");
        model.addAttribute("builder", "/feedback/surveys/" + id);
        var shown = Math.max(0, Math.min(page, survey.definition().pages().size() - 1));
        view.preview(model, survey, shown, language);
        view.brand(model, survey, "/s/" + survey.publicKey());
        var base = "/feedback/surveys/" + id + "/preview";
        model.addAttribute("base", base + "?page=" + shown + "&device=" + model.getAttribute("device"));
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
        var errors = new ArrayList<String>();
        if (binding.hasErrors()) {
            errors.add("typeMismatch");
        } else if (form.type() == null) {
            errors.add("survey.invalid.type");
        } else {
            var question = form.toQuestion();
            var page = form.page() - 1;
            if (question.showIf() != null) {
                // skip logic needs the earlier answer sent first: the question moves past it
                page = Math.max(
                        page, survey.definition().pageOf(question.showIf().question()) + 1);
            }
            var changed = DefinitionEdits.put(survey.definition(), replacing, question, page);
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
        return builder.show(
                actor, survey, SurveySettingsForm.of(survey), replacing == null ? "" : replacing, form, model);
    }

    private String saveDefinition(
            Actor actor, Survey survey, SurveyDefinition changed, Model model, HttpServletResponse response) {
        try {
            surveys.update(
                    actor.workspaceId(), survey.id(), SurveyDraft.of(survey).with(changed));
            return "redirect:/feedback/surveys/" + survey.id() + "?saved#questions";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("definitionErrors", e.problems());
            return builder.show(actor, survey, SurveySettingsForm.of(survey), null, null, model);
        }
    }
}
