package org.opencxm.platform.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Role;
import org.opencxm.platform.UserId;
import org.opencxm.platform.common.Paging;
import org.opencxm.platform.common.ResultPage;
import org.opencxm.platform.internal.NewUser;
import org.opencxm.platform.internal.UserAccount;
import org.opencxm.platform.internal.UserChanges;
import org.opencxm.platform.internal.Users;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Secured(Role.ADMIN_AUTHORITY)
@Tag(name = "Users", description = "Users of the workspace (admins only)")
class UserApi {

    /**
     * An invited user and the one-time link to pass on (not shown again): a new person chooses a
     * password there, someone with an account accepts it while signed in.
     */
    record InvitedUser(UserAccount user, String invitationUrl) {}

    private final Users users;
    private final PublicAddress address;

    UserApi(Users users, PublicAddress address) {
        this.users = users;
        this.address = address;
    }

    @GetMapping
    ResultPage<UserAccount> list(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return users.list(actor.workspaceId(), new Paging(page, size), q);
    }

    @GetMapping("/{id}")
    UserAccount get(Actor actor, @PathVariable UUID id) {
        return users.get(actor.workspaceId(), new UserId(id));
    }

    @PostMapping
    ResponseEntity<InvitedUser> invite(Actor actor, @Valid @RequestBody NewUser user) {
        var invitation = users.invite(actor.workspaceId(), user);
        var url = address.of(invitation.path());
        return ResponseEntity.created(
                        URI.create("/api/v1/users/" + invitation.user().id()))
                .body(new InvitedUser(invitation.user(), url));
    }

    @PutMapping("/{id}")
    UserAccount update(Actor actor, @PathVariable UUID id, @Valid @RequestBody UserChanges changes) {
        return users.update(actor.workspaceId(), new UserId(id), changes);
    }
}
