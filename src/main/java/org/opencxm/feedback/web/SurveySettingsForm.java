package org.opencxm.feedback.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.DefinitionEdits;
import org.opencxm.feedback.LocalizedText;
import org.opencxm.feedback.Survey;
import org.opencxm.feedback.SurveyDraft;
import org.opencxm.feedback.SurveyStatus;
import org.opencxm.platform.LifecycleStage;

/** The builder's form for a survey's name, status, language, binding and texts. */
public record SurveySettingsForm(
        @NotBlank @Size(max = 120) String name,
        @NotNull SurveyStatus status,
        @NotNull @Pattern(regexp = "de|en") String defaultLanguage,
        @Nullable UUID touchpointId,
        @Nullable LifecycleStage stage,
        @Nullable @Size(max = 2000) String introDe,
        @Nullable @Size(max = 2000) String introEn,
        @Nullable @Size(max = 2000) String thankYouDe,
        @Nullable @Size(max = 2000) String thankYouEn) {

    static SurveySettingsForm of(Survey survey) {
        var definition = survey.definition();
        var intro = definition.intro();
        return new SurveySettingsForm(
                survey.name(),
                survey.status(),
                survey.defaultLanguage(),
                survey.touchpointId() == null ? null : survey.touchpointId().value(),
                survey.stage(),
                intro == null ? "" : intro.de(),
                intro == null ? "" : intro.en(),
                definition.thankYou().de(),
                definition.thankYou().en());
    }

    SurveyDraft applyTo(Survey survey) {
        var definition = DefinitionEdits.texts(
                survey.definition(), LocalizedText.of(introDe, introEn), LocalizedText.of(thankYouDe, thankYouEn));
        return new SurveyDraft(name, status, defaultLanguage, touchpointId, stage, definition);
    }
}
