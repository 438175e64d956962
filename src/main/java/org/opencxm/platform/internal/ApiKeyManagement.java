package org.opencxm.platform.internal;

import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.ApiKey;
import org.opencxm.platform.ApiKeyCreated;
import org.opencxm.platform.ApiKeyId;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.Role;
import org.opencxm.platform.UserId;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.Ids;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.NotFoundException;
import org.opencxm.platform.common.Secrets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admins' side of API keys: create (the token is returned this once), list, make a write
 * key public or server-side, revoke.
 */
@Service
public class ApiKeyManagement {

    private final ApiKeyStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiKeyManagement(ApiKeyStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CreatedApiKey create(WorkspaceId workspace, NewApiKey request, @Nullable UserId createdBy) {
        return create(workspace, request, createdBy, false);
    }

    /**
     * An admin token that may also create, rename and archive workspaces, for an installation
     * admin's automation. The caller must be one; the token loses the power when they do.
     */
    @Transactional
    public CreatedApiKey createInstallationToken(WorkspaceId workspace, String name, UserId installationAdmin) {
        return create(workspace, new NewApiKey(ApiKeyKind.MANAGEMENT, name, Role.ADMIN, null), installationAdmin, true);
    }

    private CreatedApiKey create(
            WorkspaceId workspace, NewApiKey request, @Nullable UserId createdBy, boolean installation) {
        boolean management = request.kind() == ApiKeyKind.MANAGEMENT;
        if (management && request.role() == null) {
            throw new InvalidInputException("role", "validation.apiKey.roleRequired");
        }
        if (!management && request.role() != null) {
            throw new InvalidInputException("role", "validation.apiKey.roleNotAllowed");
        }
        if (management && request.touchpointId() != null) {
            throw new InvalidInputException("touchpointId", "validation.apiKey.touchpointNotAllowed");
        }
        if (management && request.serverSide()) {
            throw new InvalidInputException("serverSide", "validation.apiKey.serverSideNotAllowed");
        }
        var id = new ApiKeyId(Ids.next());
        var token = Secrets.token(request.kind().tokenPrefix());
        store.insert(workspace, id, request, token.substring(0, 10), Secrets.hash(token), createdBy, installation);
        events.publishEvent(new ApiKeyCreated(workspace, id, request.kind(), request.touchpointId()));
        return new CreatedApiKey(get(workspace, id), token);
    }

    @Transactional(readOnly = true)
    public List<ApiKey> list(WorkspaceId workspace) {
        return store.list(workspace);
    }

    @Transactional(readOnly = true)
    public ApiKey get(WorkspaceId workspace, ApiKeyId id) {
        return store.find(workspace, id).orElseThrow(() -> new NotFoundException("api key", id));
    }

    /**
     * Makes a write key public or server-side. Takes effect within the collection API's cache
     * time; messages already received keep the access they arrived with.
     */
    @Transactional
    public ApiKey changeAccess(WorkspaceId workspace, ApiKeyId id, boolean serverSide) {
        if (get(workspace, id).kind() != ApiKeyKind.WRITE) {
            throw new InvalidInputException("serverSide", "validation.apiKey.serverSideNotAllowed");
        }
        store.changeAccess(workspace, id, serverSide);
        return get(workspace, id);
    }

    @Transactional
    public ApiKey revoke(WorkspaceId workspace, ApiKeyId id) {
        get(workspace, id);
        store.revoke(workspace, id, clock.instant());
        return get(workspace, id);
    }
}
