package org.opencxm.feedback.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.opencxm.customers.CustomerId;
import org.opencxm.feedback.SurveyId;
import org.opencxm.feedback.internal.FeedbackSettings;
import org.opencxm.feedback.internal.InvitationChannel;
import org.opencxm.feedback.internal.Invitations;
import org.opencxm.feedback.internal.SurveyInvitation;
import org.opencxm.platform.Actor;
import org.opencxm.platform.AnyRole;
import org.opencxm.platform.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Survey invitations",
        description = "Personal links and e-mail invitations, under throttling and consent rules")
class InvitationApi {

    /** Whom to invite and how; at most 1,000 customers per call. */
    record InvitationRequest(
            @NotNull @Size(min = 1, max = 1000) List<@NotNull UUID> customerIds,
            @NotNull InvitationChannel channel) {}

    private final Invitations invitations;

    InvitationApi(Invitations invitations) {
        this.invitations = invitations;
    }

    /**
     * Invites customers. Each answer says whether the invitation was sent (a personal link comes
     * back once, in {@code link}), scheduled for e-mail, or skipped and why.
     */
    @PostMapping("/surveys/{id}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY})
    List<SurveyInvitation> invite(Actor actor, @PathVariable UUID id, @Valid @RequestBody InvitationRequest request) {
        return invitations.invite(
                actor.workspaceId(),
                new SurveyId(id),
                request.customerIds().stream().map(CustomerId::new).toList(),
                request.channel());
    }

    @GetMapping("/surveys/{id}/invitations")
    @Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY})
    List<SurveyInvitation> list(Actor actor, @PathVariable UUID id) {
        return invitations.ofSurvey(actor.workspaceId(), new SurveyId(id), 500);
    }

    @GetMapping("/feedback/settings")
    @AnyRole
    FeedbackSettings settings(Actor actor) {
        return invitations.settings(actor.workspaceId());
    }

    @PutMapping("/feedback/settings")
    @Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY})
    FeedbackSettings update(Actor actor, @Valid @RequestBody FeedbackSettings settings) {
        return invitations.update(actor.workspaceId(), settings);
    }
}
