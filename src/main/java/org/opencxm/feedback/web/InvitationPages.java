package org.opencxm.feedback.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.Customer;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.Customers;
import org.opencxm.feedback.SurveyId;
import org.opencxm.feedback.internal.InvitationChannel;
import org.opencxm.feedback.internal.InvitationId;
import org.opencxm.feedback.internal.Invitations;
import org.opencxm.feedback.internal.SurveyInvitation;
import org.opencxm.feedback.internal.Surveys;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Role;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.NotFoundException;
import org.opencxm.platform.common.Paging;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The survey page's "invite customers": picked from a search or named one per line, by personal
 * link or e-mail, under the workspace's rules. Names nobody knows are reported and the rest are
 * invited; personal links are shown as whole addresses, with a QR code.
 */
@Controller
@RequestMapping("/feedback/surveys/{id}/invitations")
@Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY})
class InvitationPages {

    static final int MAX_PER_FORM = 1000;
    private static final int CANDIDATES = 20;

    /**
     * An invitation just made, as the survey page shows it once. Flash attributes travel through
     * the session, which lives in the database, so this is a small serializable record.
     */
    public record Invited(
            String invitationId,
            String customerId,
            String customer,
            String statusKey,
            @Nullable String reasonKey,
            @Nullable String link)
            implements Serializable {}

    /** A customer the search found, as the list shows them. */
    public record Candidate(String id, String label, boolean ticked) {}

    private final Surveys surveys;
    private final Invitations invitations;
    private final Customers customers;
    private final String publicUrl;

    InvitationPages(
            Surveys surveys,
            Invitations invitations,
            Customers customers,
            @Value("${opencxm.public-url}") String publicUrl) {
        this.surveys = surveys;
        this.invitations = invitations;
        this.customers = customers;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /**
     * Invites the customers ticked in the search and those named one per line (profile id,
     * customer id or e-mail). Names that match nobody are listed on the next page, and everyone
     * else is invited: one typo must not hold up the other 99.
     */
    @PostMapping
    String invite(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String customers,
            @RequestParam(name = "customerId", required = false) @Nullable List<UUID> picked,
            @RequestParam InvitationChannel channel,
            RedirectAttributes redirect) {
        var survey = surveys.get(actor.workspaceId(), new SurveyId(id));
        var ids = new LinkedHashSet<CustomerId>();
        var unknown = new ArrayList<String>();
        var workspace = actor.workspaceId();
        var named = customers
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
        if (named.size() + (picked == null ? 0 : picked.size()) > MAX_PER_FORM) {
            // checked before any look-up: each name costs a query
            redirect.addFlashAttribute("inviteProblem", "feedback.invite.tooMany");
            return "redirect:/feedback/surveys/" + id + "#invite";
        }
        if (picked != null) {
            var known = this.customers.byIds(
                    workspace, picked.stream().map(CustomerId::new).toList());
            picked.stream().map(CustomerId::new).filter(known::containsKey).forEach(ids::add);
        }
        for (var name : named) {
            this.customers.findByReference(workspace, name).ifPresentOrElse(ids::add, () -> unknown.add(name));
        }
        if (!unknown.isEmpty()) {
            redirect.addFlashAttribute("unknownCustomers", unknown);
        }
        if (ids.isEmpty() || ids.size() > MAX_PER_FORM) {
            redirect.addFlashAttribute(
                    "inviteProblem", ids.isEmpty() ? "feedback.invite.nobody" : "feedback.invite.tooMany");
            return "redirect:/feedback/surveys/" + id + "#invite";
        }
        List<SurveyInvitation> made;
        try {
            made = invitations.invite(workspace, survey.id(), List.copyOf(ids), channel);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("inviteProblem", e.messageKey());
            return "redirect:/feedback/surveys/" + id + "#invite";
        }
        var names = this.customers.byIds(workspace, ids);
        var invited = made.stream()
                .map(invitation -> new Invited(
                        invitation.id().value().toString(),
                        String.valueOf(invitation.customerId()),
                        label(names.get(invitation.customerId())),
                        invitation.statusKey(),
                        invitation.skipReason() == null
                                ? null
                                : invitation.skipReason().messageKey(),
                        invitation.channel() == InvitationChannel.LINK && invitation.link() != null
                                ? publicUrl + invitation.link()
                                : null))
                .toList();
        redirect.addFlashAttribute("invited", new ArrayList<>(invited));
        return "redirect:/feedback/surveys/" + id + "#invite";
    }

    /**
     * Customers to tick, as the search field asks for them (htmx), by name, e-mail or id. Those
     * already ticked come along with each search and stay ticked on top, so that a second search
     * does not drop the first one's picks.
     */
    @GetMapping("/candidates")
    String candidates(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(name = "customerId", required = false) @Nullable List<UUID> ticked,
            Model model) {
        surveys.get(actor.workspaceId(), new SurveyId(id));
        var kept = ticked == null
                ? List.<Customer>of()
                : List.copyOf(customers
                        .byIds(
                                actor.workspaceId(),
                                ticked.stream().map(CustomerId::new).toList())
                        .values());
        var keptIds = kept.stream().map(Customer::id).collect(java.util.stream.Collectors.toSet());
        var page = q.isBlank() ? null : customers.list(actor.workspaceId(), new Paging(0, CANDIDATES), q.strip());
        var found = page == null
                ? List.<Candidate>of()
                : page.items().stream()
                        .filter(customer -> !keptIds.contains(customer.id()))
                        .map(customer -> new Candidate(customer.id().toString(), label(customer), false))
                        .toList();
        var shown = new ArrayList<Candidate>();
        kept.forEach(customer -> shown.add(new Candidate(customer.id().toString(), label(customer), true)));
        shown.addAll(found);
        model.addAttribute("candidates", shown);
        model.addAttribute("query", q);
        model.addAttribute("matches", page == null ? 0 : page.total());
        model.addAttribute("limit", CANDIDATES);
        return "feedback/invite-candidates :: candidates";
    }

    /** The QR code of a personal link that can still be passed on, for print or a counter display. */
    @GetMapping("/{invitation}/qr.svg")
    ResponseEntity<String> qrCode(Actor actor, @PathVariable UUID id, @PathVariable UUID invitation) {
        var link = invitations
                .openLink(actor.workspaceId(), new SurveyId(id), new InvitationId(invitation))
                .orElseThrow(() -> new NotFoundException("invitation", invitation));
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("image/svg+xml"))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .body(QrCodes.svg(publicUrl + link));
    }

    /** How a list names a customer: name and e-mail where known, else their customer id. */
    static String label(@Nullable Customer customer) {
        if (customer == null) {
            return "–";
        }
        var name = customer.displayName() != null ? customer.displayName() : customer.userId();
        if (customer.email() == null) {
            return name != null ? name : customer.id().toString();
        }
        return name != null ? name + " <" + customer.email() + ">" : customer.email();
    }
}
