package org.opencxm.platform;

import java.time.ZoneId;
import java.util.Locale;
import org.opencxm.platform.common.Ids;
import org.opencxm.platform.common.NotFoundException;
import org.opencxm.platform.internal.WorkspaceStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Workspaces (tenants): creating one and reading or changing its settings. */
@Service
public class Workspaces {

    private final WorkspaceStore store;
    private final ApplicationEventPublisher events;

    Workspaces(WorkspaceStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    /** Creates the workspace; modules seed their defaults for it in the same transaction. */
    @Transactional
    public Workspace create(String name, Locale defaultLocale, ZoneId timeZone) {
        var id = new WorkspaceId(Ids.next());
        store.insert(id, name, defaultLocale, timeZone);
        events.publishEvent(new WorkspaceCreated(id, name));
        return get(id);
    }

    @Transactional(readOnly = true)
    public Workspace get(WorkspaceId id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("workspace", id));
    }

    @Transactional
    public Workspace update(WorkspaceId id, String name, Language defaultLanguage, ZoneId timeZone) {
        if (!store.update(id, name.strip(), defaultLanguage.locale(), timeZone)) {
            throw new NotFoundException("workspace", id);
        }
        return get(id);
    }
}
