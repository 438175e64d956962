package org.opencxm.feedback.web;

import jakarta.validation.Valid;
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

/** The builder's form for a survey's name, status, language, binding, texts and widget (its fields {@code widget.…}). */
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
        @Valid WidgetSettings widget) {

    /**
     * A post without the widget's fields (no browser of ours sends one) means the widget is off;
     * a null here would also leave the page unable to show the form again with its errors.
     */
    public SurveySettingsForm {
        widget = widget == null ? WidgetSettings.OFF : widget;
    }

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
                survey.widget());
    }

    SurveyDraft applyTo(Survey survey) {
        var definition = DefinitionEdits.texts(
                survey.definition(), LocalizedText.of(introDe, introEn), LocalizedText.of(thankYouDe, thankYouEn));
        return new SurveyDraft(name, status, defaultLanguage, touchpointId, stage, definition, widget);
    }
}
