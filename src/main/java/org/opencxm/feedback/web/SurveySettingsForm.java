package org.opencxm.feedback.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.internal.DefinitionEdits;
import org.opencxm.feedback.internal.LocalizedText;
import org.opencxm.feedback.internal.Survey;
import org.opencxm.feedback.internal.SurveyDraft;
import org.opencxm.feedback.internal.SurveyStatus;
import org.opencxm.feedback.internal.WidgetSettings;
import org.opencxm.platform.Language;
import org.opencxm.platform.LifecycleStage;

/** The builder's form for a survey's name, status, language, binding and texts. */
public record SurveySettingsForm(
        @NotBlank @Size(max = 120) String name,
        @NotNull SurveyStatus status,
        @NotNull @Language.Supported String defaultLanguage,
        @Nullable UUID touchpointId,
        @Nullable LifecycleStage stage,
        @Nullable @Size(max = 2000) String introDe,
        @Nullable @Size(max = 2000) String introEn,
        @Nullable @Size(max = 2000) String thankYouDe,
        @Nullable @Size(max = 2000) String thankYouEn,
        @Nullable Boolean widgetEnabled,
        @Nullable @Size(max = 500) String widgetUrlPattern,
        @Min(0) @Max(600) int widgetDelaySeconds,
        @Min(1) @Max(100) int widgetSamplingPercent,
        @Min(0) @Max(365) int widgetAgainAfterDays) {

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
                definition.thankYou().en(),
                survey.widget().enabled(),
                survey.widget().urlPattern(),
                survey.widget().delaySeconds(),
                survey.widget().samplingPercent(),
                survey.widget().againAfterDays());
    }

    SurveyDraft applyTo(Survey survey) {
        var definition = DefinitionEdits.texts(
                survey.definition(), LocalizedText.of(introDe, introEn), LocalizedText.of(thankYouDe, thankYouEn));
        var widget = new WidgetSettings(
                Boolean.TRUE.equals(widgetEnabled),
                widgetUrlPattern,
                widgetDelaySeconds,
                widgetSamplingPercent,
                widgetAgainAfterDays);
        return new SurveyDraft(name, status, defaultLanguage, touchpointId, stage, definition, widget);
    }
}
