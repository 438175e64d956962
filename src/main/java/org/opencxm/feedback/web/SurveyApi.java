package org.opencxm.feedback.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.opencxm.feedback.SurveyId;
import org.opencxm.feedback.SurveyTemplate;
import org.opencxm.feedback.internal.Survey;
import org.opencxm.feedback.internal.SurveyDraft;
import org.opencxm.feedback.internal.Surveys;
import org.opencxm.platform.Actor;
import org.opencxm.platform.AnyRole;
import org.opencxm.platform.Language;
import org.opencxm.platform.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/surveys")
@Tag(name = "Surveys", description = "Survey definitions: questions, pages, skip logic, texts in German and English")
class SurveyApi {

    /** A new survey copied from one of the standard templates. */
    record FromTemplate(
            @NotNull SurveyTemplate template,
            @NotBlank @Size(max = 120) String name,
            @NotNull @Language.Supported String defaultLanguage) {}

    private final Surveys surveys;

    SurveyApi(Surveys surveys) {
        this.surveys = surveys;
    }

    @GetMapping
    @AnyRole
    List<Survey> list(Actor actor) {
        return surveys.list(actor.workspaceId());
    }

    @GetMapping("/{id}")
    @AnyRole
    Survey get(Actor actor, @PathVariable UUID id) {
        return surveys.get(actor.workspaceId(), new SurveyId(id));
    }

    @PostMapping
    @Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY})
    ResponseEntity<Survey> create(Actor actor, @Valid @RequestBody SurveyDraft draft) {
        return created(surveys.create(actor.workspaceId(), draft));
    }

    @PostMapping("/from-template")
    @Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY})
    ResponseEntity<Survey> createFromTemplate(Actor actor, @Valid @RequestBody FromTemplate request) {
        return created(
                surveys.create(actor.workspaceId(), request.template(), request.name(), request.defaultLanguage()));
    }

    @PutMapping("/{id}")
    @Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY})
    Survey update(Actor actor, @PathVariable UUID id, @Valid @RequestBody SurveyDraft draft) {
        return surveys.update(actor.workspaceId(), new SurveyId(id), draft);
    }

    private static ResponseEntity<Survey> created(Survey survey) {
        return ResponseEntity.created(URI.create("/api/v1/surveys/" + survey.id()))
                .body(survey);
    }
}
