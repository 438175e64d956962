package org.opencxm.platform;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.opencxm.platform.common.Ids;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.NotFoundException;
import org.opencxm.platform.internal.MembershipStore;
import org.opencxm.platform.internal.WorkspaceStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workspaces (tenants): creating, reading, renaming, archiving. Who may do which is the web
 * layer's business (installation admins create and archive, workspace admins change settings).
 */
@Service
public class Workspaces {

    /** Someone working in the workspace to tell of something, in their language. */
    public record Colleague(UserId id, String name, String email, Locale locale) {}

    private static final List<Role> LEADS = List.of(Role.CX_MANAGER, Role.ADMIN);

    private final WorkspaceStore store;
    private final MembershipStore members;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Workspaces(WorkspaceStore store, MembershipStore members, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Who leads a department: its CX managers and admins who may work now; the workspace's, if
     * the department has none, so that an escalation always reaches someone who can act.
     */
    @Transactional(readOnly = true)
    public List<Colleague> leads(WorkspaceId workspace, Department department) {
        var own = members.contacts(workspace, LEADS, department);
        return colleagues(workspace, own.isEmpty() ? members.contacts(workspace, LEADS, null) : own);
    }

    /** The members with these roles who may work now, by name: whom a case can be given to. */
    @Transactional(readOnly = true)
    public List<Colleague> colleagues(WorkspaceId workspace, java.util.Collection<Role> roles) {
        return colleagues(workspace, members.contacts(workspace, roles, null));
    }

    /** The member, if they may work in the workspace now. */
    @Transactional(readOnly = true)
    public java.util.Optional<Colleague> colleague(WorkspaceId workspace, UserId id) {
        var all = members.contacts(workspace, List.of(Role.values()), null).stream()
                .filter(c -> c.id().equals(id))
                .toList();
        return colleagues(workspace, all).stream().findFirst();
    }

    private List<Colleague> colleagues(WorkspaceId workspace, List<MembershipStore.Contact> contacts) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        var fallback = get(workspace).defaultLocale();
        return contacts.stream()
                .map(c -> new Colleague(c.id(), c.name(), c.email(), c.locale() == null ? fallback : c.locale()))
                .toList();
    }

    /** Creates the workspace; modules seed their defaults for it in the same transaction. */
    @Transactional
    public Workspace create(String name, Locale defaultLocale, ZoneId timeZone) {
        return create(name, defaultLocale, timeZone, false);
    }

    /** A workspace of invented customers for trying OpenCXM out, labelled as such wherever it shows. */
    @Transactional
    public Workspace createDemo(String name, Locale defaultLocale, ZoneId timeZone) {
        return create(name, defaultLocale, timeZone, true);
    }

    private Workspace create(String name, Locale defaultLocale, ZoneId timeZone, boolean demo) {
        var id = new WorkspaceId(Ids.next());
        store.insert(id, name.strip(), defaultLocale, timeZone, demo);
        events.publishEvent(new WorkspaceCreated(id, name.strip()));
        return get(id);
    }

    @Transactional(readOnly = true)
    public Workspace get(WorkspaceId id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("workspace", id));
    }

    /** Every workspace of the installation, archived ones last. */
    @Transactional(readOnly = true)
    public List<Workspace> all() {
        return store.all();
    }

    /** Where this person may work now, for the workspace switch: enabled memberships of active workspaces. */
    @Transactional(readOnly = true)
    public List<Workspace> of(UserId person) {
        return store.of(person);
    }

    @Transactional
    public Workspace update(WorkspaceId id, String name, Language defaultLanguage, ZoneId timeZone) {
        if (!store.update(id, name.strip(), defaultLanguage.locale(), timeZone)) {
            throw new NotFoundException("workspace", id);
        }
        return get(id);
    }

    /**
     * Archives a workspace for an installation admin working in another one: the one they work
     * in (and whose token they may be using) cannot be archived under them.
     *
     * @throws InvalidInputException for the workspace they are in
     */
    @Transactional
    public Workspace archive(WorkspaceId id, WorkspaceId workingIn) {
        if (id.equals(workingIn)) {
            throw new InvalidInputException("workspace", "installation.archiveCurrent");
        }
        return archive(id);
    }

    /**
     * Nobody signs in to it, its keys stop working, its jobs stop; its data stays until restored.
     *
     * @throws InvalidInputException when no installation admin could sign in afterwards, so that
     *     nobody could restore anything
     */
    @Transactional
    public Workspace archive(WorkspaceId id) {
        var before = get(id);
        if (!before.archived() && !store.installationAdminWorksOutside(id)) {
            throw new InvalidInputException("workspace", "installation.archiveLast");
        }
        store.archive(id, clock.instant());
        if (!before.archived()) {
            events.publishEvent(new WorkspaceArchived(id));
        }
        return get(id);
    }

    /** Members can work in it again; triggers that archiving stopped stay stopped. */
    @Transactional
    public Workspace restore(WorkspaceId id) {
        if (!store.restore(id)) {
            throw new NotFoundException("workspace", id);
        }
        return get(id);
    }
}
