package org.opencxm.touchpoints;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.opencxm.platform.Department;
import org.opencxm.platform.WorkspaceCreated;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.Ids;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.NotFoundException;
import org.opencxm.touchpoints.internal.TouchpointStore;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The touchpoint registry of a workspace. */
@Service
public class Touchpoints {

    private final TouchpointStore store;

    Touchpoints(TouchpointStore store) {
        this.store = store;
    }

    /** Every workspace starts with "unassigned", in the same transaction that creates it. */
    @EventListener
    void on(WorkspaceCreated event) {
        store.insert(
                event.workspaceId(),
                new TouchpointId(Ids.next()),
                new TouchpointDraft(
                        Touchpoint.UNASSIGNED,
                        "Unassigned",
                        Channel.OTHER,
                        Department.MANAGEMENT,
                        BigDecimal.ZERO,
                        true));
    }

    @Transactional(readOnly = true)
    public List<Touchpoint> list(WorkspaceId workspace) {
        return store.list(workspace);
    }

    @Transactional(readOnly = true)
    public Touchpoint get(WorkspaceId workspace, TouchpointId id) {
        return store.find(workspace, id).orElseThrow(() -> new NotFoundException("touchpoint", id));
    }

    @Transactional(readOnly = true)
    public Optional<Touchpoint> findByKey(WorkspaceId workspace, String key) {
        return store.findByKey(workspace, key);
    }

    /** The touchpoint of events that name none, which every workspace has. */
    @Transactional(readOnly = true)
    public Touchpoint unassigned(WorkspaceId workspace) {
        return store.findByKey(workspace, Touchpoint.UNASSIGNED).orElseThrow();
    }

    @Transactional
    public Touchpoint create(WorkspaceId workspace, TouchpointDraft draft) {
        var id = new TouchpointId(Ids.next());
        store.insert(workspace, id, draft);
        return get(workspace, id);
    }

    /** The key of "unassigned" stays, so that events keep finding it, and so does its being active. */
    @Transactional
    public Touchpoint update(WorkspaceId workspace, TouchpointId id, TouchpointDraft draft) {
        var before = get(workspace, id);
        if (before.unassigned() && !draft.key().equals(Touchpoint.UNASSIGNED)) {
            throw new InvalidInputException("key", "validation.touchpoint.unassignedKey");
        }
        store.update(workspace, id, before.unassigned() ? draft.activated() : draft);
        return get(workspace, id);
    }
}
