package org.opencxm.feedback.web;

import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.Customers;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.SurveyTemplate;
import org.opencxm.feedback.internal.Invitations;
import org.opencxm.feedback.internal.Survey;
import org.opencxm.feedback.internal.SurveyInvitation;
import org.opencxm.feedback.internal.SurveyStatus;
import org.opencxm.feedback.internal.SurveyTrigger;
import org.opencxm.feedback.internal.Triggers;
import org.opencxm.platform.Actor;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.Role;
import org.opencxm.touchpoints.Touchpoints;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

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
    private final Customers customers;
    private final MessageSource messages;
    private final String publicUrl;

    BuilderPage(
            Touchpoints touchpoints,
            Invitations invitations,
            Triggers triggers,
            Customers customers,
            MessageSource messages,
            @Value("${opencxm.public-url}") String publicUrl) {
        this.touchpoints = touchpoints;
        this.invitations = invitations;
        this.triggers = triggers;
        this.customers = customers;
        this.messages = messages;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /**
     * @param editing the question whose form is open: one just added, or one whose form failed
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
        // what each question's skip logic may name: the questions before it
        var conditions = new HashMap<String, List<ConditionChoices.Group>>();
        var conditionLabels = new HashMap<String, String>();
        var questions = definition.questions();
        for (int i = 0; i < questions.size(); i++) {
            var question = questions.get(i);
            var current = failed != null && question.id().equals(editing) ? failed.condition() : question.showIf();
            var groups = ConditionChoices.before(
                    questions.subList(0, i), current, messages, LocaleContextHolder.getLocale());
            conditions.put(question.id(), groups);
            var picked = ConditionChoices.encode(current);
            for (var group : groups) {
                group.options().stream()
                        .filter(option -> option.value().equals(picked))
                        .findFirst()
                        .ifPresent(option -> conditionLabels.put(question.id(), group.label() + ": " + option.label()));
            }
        }
        model.addAttribute("conditionGroups", conditions);
        model.addAttribute("conditionLabels", conditionLabels);
        // whoever may invite may pass a personal link on again; others see the list without links
        var inviting = actor.is(Role.ADMIN) || actor.is(Role.CX_MANAGER);
        var recent = inviting
                ? invitations.recentWithLinks(actor.workspaceId(), survey.id(), RECENT_INVITATIONS)
                : invitations.ofSurvey(actor.workspaceId(), survey.id(), RECENT_INVITATIONS);
        var named = customers.byIds(
                actor.workspaceId(),
                recent.stream()
                        .map(SurveyInvitation::customerId)
                        .filter(Objects::nonNull)
                        .toList());
        var labels = new HashMap<Object, String>();
        named.forEach((customerId, customer) -> labels.put(customerId, InvitationPages.label(customer)));
        model.addAttribute("recentInvitations", recent);
        model.addAttribute("customerLabels", labels);
        model.addAttribute("publicUrl", publicUrl);
        // links are built from the configured address, never from the request; say so when they differ
        var here = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        model.addAttribute("openedAt", inviting && !here.equals(publicUrl) ? here : null);
        model.addAttribute("templates", List.of(SurveyTemplate.values()));
        model.addAttribute("triggers", triggers.ofSurvey(actor.workspaceId(), survey.id()));
        if (!model.containsAttribute("newTrigger")) {
            model.addAttribute("newTrigger", new SurveyTrigger.Draft("Order Delivered", 3, "", ""));
        }
        return VIEW;
    }
}
