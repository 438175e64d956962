package org.opencxm.feedback.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.SurveyTemplate;
import org.opencxm.feedback.internal.Invitations;
import org.opencxm.feedback.internal.Survey;
import org.opencxm.feedback.internal.SurveyStatus;
import org.opencxm.feedback.internal.SurveyTrigger;
import org.opencxm.feedback.internal.Triggers;
import org.opencxm.platform.Actor;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.touchpoints.Touchpoints;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The survey builder page (settings, questions on pages, triggers, invitations), as shown after
 * any of its forms: the form that failed keeps what was typed and shows its errors.
 */
@Component
class BuilderPage {

    static final String VIEW = "feedback/survey";
    static final int RECENT_INVITATIONS = 20;

    private final Touchpoints touchpoints;
    private final Invitations invitations;
    private final Triggers triggers;

    BuilderPage(Touchpoints touchpoints, Invitations invitations, Triggers triggers) {
        this.touchpoints = touchpoints;
        this.invitations = invitations;
        this.triggers = triggers;
    }

    /**
     * @param editing the question whose form failed ({@code ""} for the new question's), or {@code null}
     * @param failed that form as submitted
     */
    String show(
            Actor actor,
            Survey survey,
            SurveySettingsForm settings,
            @Nullable String editing,
            @Nullable QuestionForm failed,
            Model model) {
        var definition = survey.definition();
        model.addAttribute("survey", survey);
        model.addAttribute("settings", settings);
        model.addAttribute("statuses", SurveyStatus.values());
        model.addAttribute("stages", LifecycleStage.values());
        model.addAttribute("types", QuestionType.values());
        model.addAttribute("touchpoints", touchpoints.list(actor.workspaceId()));
        model.addAttribute("pages", definition.pages());
        model.addAttribute("language", LocaleContextHolder.getLocale().getLanguage());
        model.addAttribute("editing", editing);
        model.addAttribute(
                "questionForms",
                definition.questions().stream()
                        .map(q -> failed != null && q.id().equals(editing)
                                ? failed.orType(q.type())
                                : QuestionForm.of(q, definition.pageOf(q.id())))
                        .toList());
        model.addAttribute(
                "newQuestion",
                "".equals(editing) && failed != null
                        ? failed.orType(QuestionType.CSAT)
                        : QuestionForm.blank(definition.pages().size()));
        model.addAttribute(
                "recentInvitations", invitations.ofSurvey(actor.workspaceId(), survey.id(), RECENT_INVITATIONS));
        model.addAttribute("templates", List.of(SurveyTemplate.values()));
        model.addAttribute("triggers", triggers.ofSurvey(actor.workspaceId(), survey.id()));
        if (!model.containsAttribute("newTrigger")) {
            model.addAttribute("newTrigger", new SurveyTrigger.Draft("Order Delivered", 3, "", ""));
        }
        return VIEW;
    }
}
