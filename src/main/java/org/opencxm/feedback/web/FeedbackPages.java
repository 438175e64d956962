package org.opencxm.feedback.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.SurveyTemplate;
import org.opencxm.feedback.internal.Brandings;
import org.opencxm.feedback.internal.FeedbackSettings;
import org.opencxm.feedback.internal.Invitations;
import org.opencxm.feedback.internal.ResponseFilter;
import org.opencxm.feedback.internal.SurveyDraft;
import org.opencxm.feedback.internal.SurveyEvaluation;
import org.opencxm.feedback.internal.SurveyResults;
import org.opencxm.feedback.internal.SurveyStatus;
import org.opencxm.feedback.internal.Surveys;
import org.opencxm.platform.Actor;
import org.opencxm.platform.AnyRole;
import org.opencxm.platform.Language;
import org.opencxm.platform.Role;
import org.opencxm.platform.common.InvalidInputException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Feedback: the list of surveys with their headline figures, new surveys from templates, the invitation rules and the survey pages' branding. */
@Controller
@RequestMapping("/feedback")
class FeedbackPages {

    /** A new survey: a template (or {@code null} for a blank one with a single question), a name, a language. */
    record NewSurvey(
            @Nullable SurveyTemplate template,
            @NotBlank @Size(max = 120) String name,
            @NotNull @Language.Supported String defaultLanguage) {}

    /** Read one byte more than a logo may have, so that the policy sees an oversize file as one. */
    private static final int BRANDING_UPLOAD_LIMIT = 256 * 1024 + 1;

    private final Surveys surveys;
    private final SurveyEvaluation results;
    private final Invitations invitations;
    private final Brandings brandings;
    private final QuestionDefaults defaults;

    FeedbackPages(
            Surveys surveys,
            SurveyEvaluation results,
            Invitations invitations,
            Brandings brandings,
            QuestionDefaults defaults) {
        this.defaults = defaults;
        this.surveys = surveys;
        this.results = results;
        this.invitations = invitations;
        this.brandings = brandings;
    }

    @GetMapping
    @AnyRole
    String list(Actor actor, Model model) {
        return show(actor, new NewSurvey(SurveyTemplate.NPS_RELATIONSHIP, "", Language.DE.tag()), model);
    }

    @PostMapping("/surveys")
    @Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY})
    String create(
            Actor actor,
            @Valid @ModelAttribute("newSurvey") NewSurvey form,
            BindingResult binding,
            Model model,
            HttpServletResponse response) {
        if (binding.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(actor, form, model);
        }
        var survey = form.template() == null
                ? surveys.create(
                        actor.workspaceId(),
                        new SurveyDraft(
                                form.name(),
                                SurveyStatus.DRAFT,
                                form.defaultLanguage(),
                                null,
                                null,
                                defaults.blankSurvey(),
                                null))
                : surveys.create(actor.workspaceId(), form.template(), form.name(), form.defaultLanguage());
        return "redirect:/feedback/surveys/" + survey.id() + "?created";
    }

    @GetMapping("/settings")
    @AnyRole
    String settings(Actor actor, Model model) {
        model.addAttribute("rules", invitations.settings(actor.workspaceId()));
        return settingsPage(actor, model);
    }

    /** Colour and logo for survey pages; a refused upload changes nothing, the colour included. */
    @PostMapping("/settings/branding")
    @Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY})
    String saveBranding(
            Actor actor,
            @RequestParam(defaultValue = "") String colour,
            @RequestParam(required = false) MultipartFile logo,
            @RequestParam(defaultValue = "false") boolean removeLogo,
            Model model,
            HttpServletResponse response)
            throws IOException {
        try {
            var bytes = logo == null || logo.isEmpty()
                    ? null
                    : logo.getInputStream().readNBytes(BRANDING_UPLOAD_LIMIT);
            brandings.save(actor.workspaceId(), colour, bytes, removeLogo);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("rules", invitations.settings(actor.workspaceId()));
            model.addAttribute("brandingErrors", e.problems());
            model.addAttribute("typedColour", colour);
            return settingsPage(actor, model);
        }
        return "redirect:/feedback/settings?brandingSaved";
    }

    /** The logo as it is, for the settings page to show what respondents see. */
    @GetMapping("/settings/branding/logo")
    @AnyRole
    ResponseEntity<byte[]> logo(Actor actor) {
        return brandings
                .logo(
                        actor.workspaceId(),
                        brandings.current(actor.workspaceId()).version())
                .map(logo -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(logo.type()))
                        .cacheControl(CacheControl.noCache())
                        .body(logo.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private String settingsPage(Actor actor, Model model) {
        var branding = brandings.current(actor.workspaceId());
        model.addAttribute("branding", branding);
        // the preview shows colour and logo whatever the survey's status
        model.addAttribute(
                "samplePage",
                surveys.list(actor.workspaceId()).stream()
                        .findFirst()
                        .map(s -> "/feedback/surveys/" + s.id() + "/preview")
                        .orElse(null));
        return "feedback/settings";
    }

    @PostMapping("/settings")
    @Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY})
    String saveSettings(
            Actor actor,
            @Valid @ModelAttribute("rules") FeedbackSettings rules,
            BindingResult binding,
            Model model,
            HttpServletResponse response) {
        if (binding.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return settingsPage(actor, model);
        }
        invitations.update(actor.workspaceId(), rules);
        return "redirect:/feedback/settings?saved";
    }

    private String show(Actor actor, NewSurvey form, Model model) {
        var all = surveys.list(actor.workspaceId());
        var figures = new LinkedHashMap<Object, SurveyResults>();
        all.forEach(
                survey -> figures.put(survey.id(), results.of(actor.workspaceId(), survey.id(), ResponseFilter.ALL)));
        model.addAttribute("surveys", all);
        model.addAttribute("figures", figures);
        model.addAttribute("newSurvey", form);
        model.addAttribute("templates", SurveyTemplate.values());
        return "feedback/list";
    }
}
