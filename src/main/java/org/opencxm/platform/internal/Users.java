package org.opencxm.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.Role;
import org.opencxm.platform.UserId;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.Ids;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.NotFoundException;
import org.opencxm.platform.common.Paging;
import org.opencxm.platform.common.ResultPage;
import org.opencxm.platform.common.Secrets;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users of a workspace: invitation, roles and departments, disabling, language. */
@Service
public class Users {

    static final Duration INVITATION_VALIDITY = Duration.ofDays(7);

    private final UserStore store;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Users(UserStore store, PasswordEncoder passwords, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Creates a user who can sign in at once with the given password (first admin, demo users). */
    @Transactional
    public UserAccount create(WorkspaceId workspace, NewUser user, String password) {
        PasswordPolicy.check(password);
        var id = new UserId(Ids.next());
        store.insert(workspace, id, user);
        store.setPassword(workspace, id, passwords.encode(password));
        return get(workspace, id);
    }

    /** Creates a user who sets a password by following the invitation link. */
    @Transactional
    public UserInvitation invite(WorkspaceId workspace, NewUser user) {
        var id = new UserId(Ids.next());
        store.insert(workspace, id, user);
        var token = Secrets.token("inv_");
        var expiresAt = clock.instant().plus(INVITATION_VALIDITY);
        store.setInvitation(workspace, id, Secrets.hash(token), expiresAt);
        return new UserInvitation(get(workspace, id), token, expiresAt);
    }

    /** The invited user, if the token is valid and not yet used or expired. */
    @Transactional(readOnly = true)
    public Optional<UserAccount> findByInvitation(String token) {
        return store.findByInvitation(Secrets.hash(token), clock.instant());
    }

    @Transactional
    public UserAccount acceptInvitation(String token, String password) {
        var user = findByInvitation(token).orElseThrow(() -> new NotFoundException("invitation", "token"));
        PasswordPolicy.check(password);
        store.setPassword(user.workspaceId(), user.id(), passwords.encode(password));
        return get(user.workspaceId(), user.id());
    }

    @Transactional(readOnly = true)
    public ResultPage<UserAccount> list(WorkspaceId workspace, Paging paging, @Nullable String search) {
        return store.list(workspace, paging, search);
    }

    @Transactional(readOnly = true)
    public UserAccount get(WorkspaceId workspace, UserId id) {
        return store.find(workspace, id).orElseThrow(() -> new NotFoundException("user", id));
    }

    /** The last enabled admin of a workspace can be neither demoted nor disabled. */
    @Transactional
    public UserAccount update(WorkspaceId workspace, UserId id, UserChanges changes) {
        var before = get(workspace, id);
        boolean losesAdmin =
                before.role() == Role.ADMIN && before.enabled() && (changes.role() != Role.ADMIN || !changes.enabled());
        if (losesAdmin && store.enabledAdmins(workspace) <= 1) {
            throw new InvalidInputException("role", "validation.user.lastAdmin");
        }
        store.update(workspace, id, changes);
        return get(workspace, id);
    }

    @Transactional
    public void changeLocale(WorkspaceId workspace, UserId id, Locale locale) {
        store.changeLocale(workspace, id, locale);
    }
}
