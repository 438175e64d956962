package org.opencxm.feedback.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.opencxm.feedback.SurveyId;
import org.opencxm.feedback.internal.SurveyTrigger;
import org.opencxm.feedback.internal.TriggerId;
import org.opencxm.feedback.internal.Triggers;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/surveys/{id}/triggers")
@Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY})
@Tag(name = "Survey triggers", description = "N days after event X, for customers matching Y, invite by e-mail")
class TriggerApi {

    private final Triggers triggers;

    TriggerApi(Triggers triggers) {
        this.triggers = triggers;
    }

    @GetMapping
    List<SurveyTrigger> list(Actor actor, @PathVariable UUID id) {
        return triggers.ofSurvey(actor.workspaceId(), new SurveyId(id));
    }

    /** Follows the events received from now on; each matching one schedules an e-mail invitation. */
    @PostMapping
    ResponseEntity<SurveyTrigger> create(
            Actor actor, @PathVariable UUID id, @Valid @RequestBody SurveyTrigger.Draft draft) {
        var trigger = triggers.create(actor.workspaceId(), new SurveyId(id), draft);
        return ResponseEntity.created(URI.create("/api/v1/surveys/" + id + "/triggers/" + trigger.id()))
                .body(trigger);
    }

    /** Stops the trigger; invitations it already scheduled are still sent. */
    @DeleteMapping("/{triggerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void stop(Actor actor, @PathVariable UUID id, @PathVariable UUID triggerId) {
        triggers.stop(actor.workspaceId(), new SurveyId(id), new TriggerId(triggerId));
    }
}
