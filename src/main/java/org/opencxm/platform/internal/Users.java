package org.opencxm.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.Department;
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

/**
 * The people of a workspace: invitation, roles and departments, disabling, language. A person
 * has one account (e-mail, password, language) and a membership in each workspace they work in
 * (name, role, department, enabled); inviting someone who already has an account adds the
 * membership, and they find the workspace in their workspace switch.
 */
@Service
public class Users {

    static final Duration INVITATION_VALIDITY = Duration.ofDays(7);

    private final AccountStore accounts;
    private final MembershipStore memberships;
    private final PasswordResetStore resetLinks;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Users(
            AccountStore accounts,
            MembershipStore memberships,
            PasswordResetStore resetLinks,
            PasswordEncoder passwords,
            Clock clock) {
        this.accounts = accounts;
        this.memberships = memberships;
        this.resetLinks = resetLinks;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Creates a person who can sign in at once with the given password (first admin, demo users). */
    @Transactional
    public UserAccount create(WorkspaceId workspace, NewUser user, String password) {
        PasswordPolicy.check(password);
        var id = new UserId(Ids.next());
        accounts.insert(id, user.email());
        accounts.setPassword(id, passwords.encode(password));
        accounts.rememberWorkspace(id, workspace);
        memberships.insert(workspace, id, user.displayName(), user.role(), user.department());
        return get(workspace, id);
    }

    /** Makes someone who already has an account a member of another workspace. */
    @Transactional
    public UserAccount addMember(
            WorkspaceId workspace, UserId person, String displayName, Role role, Department department) {
        memberships.insert(workspace, person, displayName, role, department);
        return get(workspace, person);
    }

    /**
     * Every invitation comes with a link, and the inviting admin cannot tell whether the address
     * already has an account. A new person sets a password by following it; someone with an
     * account joins by following it while signed in as themselves, and until then the
     * membership grants nothing: whoever created that account elsewhere (and so may know its
     * password) must not walk into this workspace with the role it offers.
     */
    @Transactional
    public UserInvitation invite(WorkspaceId workspace, NewUser user) {
        var token = Secrets.token("inv_");
        var expiresAt = clock.instant().plus(INVITATION_VALIDITY);
        var existing = accounts.findByEmail(user.email());
        if (existing.isPresent()) {
            memberships.insertInvited(
                    workspace,
                    existing.get(),
                    user.displayName(),
                    user.role(),
                    user.department(),
                    Secrets.hash(token),
                    expiresAt);
            return new UserInvitation(get(workspace, existing.get()), token, expiresAt);
        }
        var id = new UserId(Ids.next());
        accounts.insert(id, user.email());
        memberships.insert(workspace, id, user.displayName(), user.role(), user.department());
        accounts.setInvitation(id, Secrets.hash(token), expiresAt, workspace);
        return new UserInvitation(get(workspace, id), token, expiresAt);
    }

    /** The membership a signed-in person is invited to accept, if the token is valid and unused. */
    @Transactional(readOnly = true)
    public Optional<UserAccount> findMembershipInvitation(String token) {
        return memberships.findByInvitation(Secrets.hash(token), clock.instant());
    }

    /**
     * The signed-in person accepts a workspace's invitation to their account.
     *
     * @throws NotFoundException when the token is not valid, or was made for another account
     */
    @Transactional
    public UserAccount join(String token, UserId signedIn) {
        var invited = findMembershipInvitation(token)
                .filter(membership -> membership.id().equals(signedIn))
                .orElseThrow(() -> new NotFoundException("invitation", "token"));
        memberships.accept(invited.workspaceId(), signedIn);
        return get(invited.workspaceId(), signedIn);
    }

    /** The invited person as the workspace that invited them knows them, if the token is valid and unused. */
    @Transactional(readOnly = true)
    public Optional<UserAccount> findByInvitation(String token) {
        return accounts.findByInvitation(Secrets.hash(token), clock.instant())
                .filter(account -> account.lastWorkspace() != null)
                .flatMap(account -> memberships.find(account.lastWorkspace(), account.id()))
                .filter(UserAccount::enabled);
    }

    @Transactional
    public UserAccount acceptInvitation(String token, String password) {
        var user = findByInvitation(token).orElseThrow(() -> new NotFoundException("invitation", "token"));
        PasswordPolicy.check(password);
        accounts.setPassword(user.id(), passwords.encode(password));
        return get(user.workspaceId(), user.id());
    }

    @Transactional(readOnly = true)
    public ResultPage<UserAccount> list(WorkspaceId workspace, Paging paging, @Nullable String search) {
        return memberships.list(workspace, paging, search);
    }

    @Transactional(readOnly = true)
    public UserAccount get(WorkspaceId workspace, UserId id) {
        return memberships.find(workspace, id).orElseThrow(() -> new NotFoundException("user", id));
    }

    /** The last enabled admin of a workspace can be neither demoted nor disabled. */
    @Transactional
    public UserAccount update(WorkspaceId workspace, UserId id, UserChanges changes) {
        var before = get(workspace, id);
        boolean losesAdmin =
                before.role() == Role.ADMIN && before.enabled() && (changes.role() != Role.ADMIN || !changes.enabled());
        if (losesAdmin && memberships.enabledAdmins(workspace) <= 1) {
            throw new InvalidInputException("role", "validation.user.lastAdmin");
        }
        memberships.update(workspace, id, changes);
        return get(workspace, id);
    }

    /** The language is the person's, in every workspace. */
    @Transactional
    public void changeLocale(UserId id, Locale locale) {
        accounts.changeLocale(id, locale);
    }

    /** What a person set for themselves, for their profile page. */
    public record OwnSettings(
            String email, @Nullable Locale locale, @Nullable ZoneId timeZone) {}

    @Transactional(readOnly = true)
    public OwnSettings ownSettings(UserId id) {
        return accounts.signIn(id)
                .map(account -> new OwnSettings(account.email(), account.locale(), account.timeZone()))
                .orElseThrow(() -> new NotFoundException("user", id));
    }

    /** Language and time zone are the person's, in every workspace; no time zone means each workspace's. */
    @Transactional
    public void changePreferences(UserId id, Locale locale, @Nullable ZoneId timeZone) {
        accounts.changeLocale(id, locale);
        accounts.changeTimeZone(id, timeZone);
    }

    /**
     * A signed-in person changes their own password, proving they know the current one: a
     * session left open on a shared computer is not enough to take the account over.
     *
     * @return the account's e-mail, so that its other sessions can be ended
     * @throws InvalidInputException when the current password is wrong or the new one too short or long
     */
    @Transactional
    public String changePassword(UserId id, String current, String replacement) {
        var account = accounts.signIn(id).orElseThrow(() -> new NotFoundException("user", id));
        if (account.passwordHash() == null || !passwords.matches(current, account.passwordHash())) {
            throw new InvalidInputException("currentPassword", "validation.password.current");
        }
        PasswordPolicy.check(replacement);
        accounts.setPassword(id, passwords.encode(replacement));
        resetLinks.endAll(id, clock.instant());
        return account.email();
    }

    /** The person may create and archive workspaces (the first admin does; it cannot be granted in the UI yet). */
    @Transactional
    public void makeInstallationAdmin(UserId id) {
        accounts.makeInstallationAdmin(id);
    }
}
