package org.opencxm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.NotFoundException;
import org.opencxm.platform.common.Paging;
import org.opencxm.platform.internal.NewUser;
import org.opencxm.platform.internal.UserAccount;
import org.opencxm.platform.internal.UserChanges;
import org.opencxm.platform.internal.Users;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Users on the real PostgreSQL: invitation, guarded changes, workspace isolation. */
@SpringBootTest
class UsersTests {

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ApplicationContext context;

    @Autowired
    Workspaces workspaces;

    Tenant tenant;

    @BeforeEach
    void setUp() {
        tenant = TenantFixture.from(context).tenant("users");
    }

    @Test
    void invitedUserChoosesPasswordOnceAndStoresOnlyAHash() {
        var invitation = users.invite(tenant.id(), newUser("new.colleague"));
        assertThat(invitation.user().invitationPending()).isTrue();
        assertThat(users.findByInvitation(invitation.token())).isPresent();

        users.acceptInvitation(invitation.token(), "a long enough passphrase");

        var stored = jdbc.sql("select password_hash, invitation_hash from account where id = ?")
                .param(invitation.user().id().value())
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        assertThat(stored[0]).startsWith("{bcrypt}").doesNotContain("a long enough passphrase");
        assertThat(passwords.matches("a long enough passphrase", stored[0])).isTrue();
        assertThat(stored[1]).isNull();
        assertThat(users.findByInvitation(invitation.token())).isEmpty();
        assertThatThrownBy(() -> users.acceptInvitation(invitation.token(), "another passphrase!"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void rejectsShortPasswordsAndKeepsTheInvitationOpen() {
        var invitation = users.invite(tenant.id(), newUser("short.pw"));

        assertThatThrownBy(() -> users.acceptInvitation(invitation.token(), "too short"))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey())
                .isEqualTo("validation.password.length");
        assertThat(users.findByInvitation(invitation.token())).isPresent();
    }

    /**
     * Whoever created an account elsewhere may know its password; so an invitation to an
     * existing account grants nothing until that account, signed in, accepts it.
     */
    @Test
    void anEmailWithAnAccountElsewhereJoinsOnlyByAcceptingWhileSignedIn() {
        var other = TenantFixture.from(context).tenant("other");
        var person = other.user(Role.AGENT);
        var stranger = other.user(Role.VIEWER);

        var invitation = users.invite(
                tenant.id(), new NewUser(person.email().toUpperCase(), "Same person", Role.VIEWER, Department.SALES));

        assertThat(invitation.path()).startsWith("/invitation/inv_");
        assertThat(invitation.user().id()).isEqualTo(person.id());
        assertThat(invitation.user().role()).isEqualTo(Role.VIEWER);
        assertThat(invitation.user().invitationPending()).isTrue();
        assertThat(workspaces.of(person.id())).extracting(Workspace::id).doesNotContain(tenant.id());
        assertThat(users.findByInvitation(invitation.token()))
                .as("no password to choose: the account has one")
                .isEmpty();
        assertThatThrownBy(() -> users.join(invitation.token(), stranger.id())).isInstanceOf(NotFoundException.class);

        users.join(invitation.token(), person.id());

        assertThat(workspaces.of(person.id())).extracting(Workspace::id).contains(tenant.id(), other.id());
        assertThat(users.get(tenant.id(), person.id()).invitationPending()).isFalse();
        assertThatThrownBy(() -> users.join(invitation.token(), person.id())).isInstanceOf(NotFoundException.class);
        assertThat(users.get(other.id(), person.id()).role())
                .as("their standing in the other workspace is untouched")
                .isEqualTo(Role.AGENT);
        assertThatThrownBy(() ->
                        users.invite(tenant.id(), new NewUser(person.email(), "Again", Role.AGENT, Department.SALES)))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey())
                .isEqualTo("validation.user.alreadyMember");
        assertThatThrownBy(() -> users.create(
                        tenant.id(),
                        new NewUser(person.email(), "Copy", Role.AGENT, Department.SALES),
                        Tenant.PASSWORD))
                .as("one account per e-mail, whatever the case")
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theLastActiveAdminCannotBeDemotedOrDisabled() {
        var admin = tenant.user(Role.ADMIN);

        assertThatThrownBy(() -> users.update(
                        tenant.id(), admin.id(), new UserChanges("Admin", Role.VIEWER, Department.SALES, true)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> users.update(
                        tenant.id(), admin.id(), new UserChanges("Admin", Role.ADMIN, Department.SALES, false)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(users.get(tenant.id(), admin.id()).role()).isEqualTo(Role.ADMIN);

        var second = tenant.user(Role.VIEWER);
        users.update(tenant.id(), second.id(), new UserChanges("Second admin", Role.ADMIN, Department.SALES, true));
        var demoted =
                users.update(tenant.id(), admin.id(), new UserChanges("Admin", Role.VIEWER, Department.SALES, true));
        assertThat(demoted.role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void listsPageBySearchWithinTheWorkspaceOnly() {
        TenantFixture.from(context).tenant("noise");

        var all = users.list(tenant.id(), new Paging(0, 2), null);
        assertThat(all.total()).isEqualTo(Role.values().length);
        assertThat(all.items()).hasSize(2);
        assertThat(all.totalPages()).isEqualTo(3);

        var agents = users.list(tenant.id(), Paging.first(), "AGENT.");
        assertThat(agents.items()).extracting(UserAccount::role).containsExactly(Role.AGENT);

        var wildcard = users.list(tenant.id(), Paging.first(), "%");
        assertThat(wildcard.items()).isEmpty();
    }

    @Test
    void anotherWorkspacesUserIsNotFound() {
        var other = TenantFixture.from(context).tenant("foreign");
        var foreignUser = other.user(Role.AGENT).id();

        assertThatThrownBy(() -> users.get(tenant.id(), foreignUser)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> users.update(
                        tenant.id(), foreignUser, new UserChanges("Hijacked", Role.ADMIN, Department.SALES, true)))
                .isInstanceOf(NotFoundException.class);
        assertThat(users.get(other.id(), foreignUser).displayName()).isNotEqualTo("Hijacked");
    }

    private static NewUser newUser(String name) {
        return new NewUser(name + "." + UUID.randomUUID() + "@example.test", name, Role.AGENT, Department.SERVICE);
    }
}
