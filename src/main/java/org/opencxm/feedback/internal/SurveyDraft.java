package org.opencxm.feedback.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.Language;
import org.opencxm.platform.LifecycleStage;

/** What the builder and the API send to create or change a survey. */
public record SurveyDraft(
        @NotBlank @Size(max = 120) String name,
        @NotNull SurveyStatus status,
        @NotNull @Language.Supported String defaultLanguage,
        @Nullable UUID touchpointId,
        @Nullable LifecycleStage stage,
        @NotNull @Valid SurveyDefinition definition,
        @Nullable @Valid WidgetSettings widget) {

    public SurveyDraft with(SurveyDefinition changed) {
        return new SurveyDraft(name, status, defaultLanguage, touchpointId, stage, changed, widget);
    }

    public SurveyDraft withWidget(WidgetSettings changed) {
        return new SurveyDraft(name, status, defaultLanguage, touchpointId, stage, definition, changed);
    }

    public WidgetSettings widgetOrOff() {
        return widget == null ? WidgetSettings.OFF : widget;
    }

    public static SurveyDraft of(Survey survey) {
        return new SurveyDraft(
                survey.name(),
                survey.status(),
                survey.defaultLanguage(),
                survey.touchpointId() == null ? null : survey.touchpointId().value(),
                survey.stage(),
                survey.definition(),
                survey.widget());
    }
}
