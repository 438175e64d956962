package org.opencxm.platform.security;

import java.util.Optional;
import org.opencxm.platform.Actor;
import org.opencxm.platform.UserId;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.internal.AccountStore;
import org.opencxm.platform.internal.MembershipStore;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads sign-in accounts by e-mail (at sign-in) and by workspace and person (on every request of
 * a session, and when switching workspaces). Signing in enters the workspace the person used
 * last, or else their oldest one; a person with no workspace to work in is refused like an
 * unknown e-mail.
 */
@Component
class LoginAccounts implements UserDetailsService {

    private final AccountStore accounts;
    private final MembershipStore memberships;

    LoginAccounts(AccountStore accounts, MembershipStore memberships) {
        this.accounts = accounts;
        this.memberships = memberships;
    }

    @Override
    public SignedInUser loadUserByUsername(String email) {
        return accounts.signIn(email)
                .flatMap(account -> {
                    var last = account.lastWorkspace();
                    var workspace = last != null
                                    && memberships.active(last, account.id()).isPresent()
                            ? Optional.of(last)
                            : memberships.firstActive(account.id());
                    return workspace.flatMap(chosen -> signedIn(account, chosen));
                })
                .orElseThrow(() -> new UsernameNotFoundException("unknown login"));
    }

    Optional<SignedInUser> reload(Actor actor) {
        if (actor.userId() == null) {
            return Optional.empty();
        }
        return load(actor.workspaceId(), actor.userId());
    }

    /** The person as they work in this workspace, if they may. */
    Optional<SignedInUser> load(WorkspaceId workspace, UserId person) {
        return accounts.signIn(person).flatMap(account -> signedIn(account, workspace));
    }

    private Optional<SignedInUser> signedIn(AccountStore.SignIn account, WorkspaceId workspace) {
        return memberships
                .active(workspace, account.id())
                .map(member -> new SignedInUser(
                        new Actor(
                                workspace,
                                account.id(),
                                member.displayName(),
                                member.role(),
                                member.department(),
                                account.locale(),
                                account.timeZone() != null ? account.timeZone() : member.timeZone()),
                        account.email(),
                        account.passwordHash(),
                        true,
                        account.installationAdmin()));
    }
}
