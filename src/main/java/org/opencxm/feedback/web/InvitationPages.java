package org.opencxm.feedback.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.Customers;
import org.opencxm.feedback.SurveyId;
import org.opencxm.feedback.internal.InvitationChannel;
import org.opencxm.feedback.internal.Invitations;
import org.opencxm.feedback.internal.Surveys;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Role;
import org.opencxm.platform.common.InvalidInputException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The builder's "invite customers": by personal link or e-mail, under the workspace's rules. */
@Controller
@RequestMapping("/feedback/surveys/{id}/invitations")
@Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY})
class InvitationPages {

    static final int MAX_PER_FORM = 1000;

    /**
     * An invitation just made, as the survey page shows it once. Flash attributes travel through
     * the session, which lives in the database, so this is a small serializable record.
     */
    public record Invited(
            String customerId,
            String statusKey,
            @Nullable String reasonKey,
            @Nullable String link) implements Serializable {}

    private final Surveys surveys;
    private final Invitations invitations;
    private final Customers customers;

    InvitationPages(Surveys surveys, Invitations invitations, Customers customers) {
        this.surveys = surveys;
        this.invitations = invitations;
        this.customers = customers;
    }

    /**
     * Invites the customers named one per line (profile id, customer id or e-mail); personal links
     * are shown once on the next page.
     */
    @PostMapping
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
                this.customers
                        .findByReference(actor.workspaceId(), name)
                        .ifPresentOrElse(ids::add, () -> unknown.add(name));
            }
        }
        if (!unknown.isEmpty() || ids.isEmpty() || ids.size() > MAX_PER_FORM) {
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
            redirect.addFlashAttribute("invited", new ArrayList<>(invited));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("unknownCustomers", List.of("–"));
        }
        return "redirect:/feedback/surveys/" + id + "#invite";
    }
}
