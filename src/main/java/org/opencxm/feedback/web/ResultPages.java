package org.opencxm.feedback.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.Customers;
import org.opencxm.feedback.InvitationChannel;
import org.opencxm.feedback.Invitations;
import org.opencxm.feedback.ResponseExport;
import org.opencxm.feedback.Results;
import org.opencxm.feedback.SurveyId;
import org.opencxm.feedback.Surveys;
import org.opencxm.platform.Actor;
import org.opencxm.platform.AnyRole;
import org.opencxm.platform.InvalidInputException;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.Paging;
import org.opencxm.platform.Role;
import org.opencxm.touchpoints.Touchpoints;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A survey's results with filters, the CSV export, and inviting customers. */
@Controller
@RequestMapping("/feedback/surveys/{id}")
class ResultPages {

    /**
     * An invitation just made, as the survey page shows it once. Flash attributes travel through
     * the session, which lives in the database, so this is a small serializable record.
     */
    public record Invited(
            String customerId,
            String statusKey,
            @Nullable String reasonKey,
            @Nullable String link) implements java.io.Serializable {}

    private final Surveys surveys;
    private final Results results;
    private final ResponseExport export;
    private final Touchpoints touchpoints;
    private final Invitations invitations;
    private final Customers customers;

    ResultPages(
            Surveys surveys,
            Results results,
            ResponseExport export,
            Touchpoints touchpoints,
            Invitations invitations,
            Customers customers) {
        this.surveys = surveys;
        this.results = results;
        this.export = export;
        this.touchpoints = touchpoints;
        this.invitations = invitations;
        this.customers = customers;
    }

    @GetMapping("/results")
    @AnyRole
    String results(Actor actor, @PathVariable UUID id, ResultQuery query, Model model) {
        var survey = surveys.get(actor.workspaceId(), new SurveyId(id));
        model.addAttribute("survey", survey);
        model.addAttribute("results", results.of(actor.workspaceId(), survey.id(), query.filter(actor)));
        model.addAttribute("from", query.from());
        model.addAttribute("to", query.to());
        model.addAttribute("touchpointId", query.touchpointId());
        model.addAttribute("stage", query.stage());
        model.addAttribute("touchpoints", touchpoints.list(actor.workspaceId()));
        model.addAttribute("stages", LifecycleStage.values());
        model.addAttribute(
                "language",
                org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
        return "feedback/results";
    }

    @GetMapping("/responses.csv")
    @Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY})
    void responses(Actor actor, @PathVariable UUID id, ResultQuery query, HttpServletResponse response)
            throws IOException {
        ResultApi.write(export, actor, new SurveyId(id), query.filter(actor), response);
    }

    /**
     * Invites the customers named one per line (profile id, customer id or e-mail); personal links
     * are shown once on the next page.
     */
    @PostMapping("/invitations")
    @Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY})
    String invite(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam String customers,
            @RequestParam InvitationChannel channel,
            RedirectAttributes redirect) {
        var survey = surveys.get(actor.workspaceId(), new SurveyId(id));
        var ids = new ArrayList<CustomerId>();
        var unknown = new ArrayList<String>();
        for (var line : customers.split("\\R")) {
            var name = line.strip();
            if (!name.isEmpty()) {
                find(actor, name).ifPresentOrElse(ids::add, () -> unknown.add(name));
            }
        }
        if (!unknown.isEmpty() || ids.isEmpty() || ids.size() > 1000) {
            redirect.addFlashAttribute("unknownCustomers", unknown.isEmpty() ? List.of("–") : unknown);
            return "redirect:/feedback/surveys/" + id + "#invite";
        }
        try {
            var invited = invitations.invite(actor.workspaceId(), survey.id(), ids, channel).stream()
                    .map(invitation -> new Invited(
                            String.valueOf(invitation.customerId()),
                            invitation.status().messageKey(),
                            invitation.skipReason() == null
                                    ? null
                                    : invitation.skipReason().messageKey(),
                            invitation.channel() == InvitationChannel.LINK ? invitation.link() : null))
                    .toList();
            redirect.addFlashAttribute("invited", new java.util.ArrayList<>(invited));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("unknownCustomers", List.of("–"));
        }
        return "redirect:/feedback/surveys/" + id + "#invite";
    }

    private java.util.Optional<CustomerId> find(Actor actor, String name) {
        try {
            return java.util.Optional.of(customers
                    .profile(actor.workspaceId(), new CustomerId(UUID.fromString(name)))
                    .customer()
                    .id());
        } catch (IllegalArgumentException | org.opencxm.platform.NotFoundException e) {
            return customers.list(actor.workspaceId(), Paging.first(), name).items().stream()
                    .filter(c -> name.equals(c.userId()) || name.equalsIgnoreCase(c.email()))
                    .map(c -> c.id())
                    .findFirst();
        }
    }
}
