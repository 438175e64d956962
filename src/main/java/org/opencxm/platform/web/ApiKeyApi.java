package org.opencxm.platform.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.opencxm.platform.Actor;
import org.opencxm.platform.ApiKey;
import org.opencxm.platform.ApiKeyId;
import org.opencxm.platform.Role;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.CreatedApiKey;
import org.opencxm.platform.internal.NewApiKey;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/api-keys")
@Secured(Role.ADMIN_AUTHORITY)
@Tag(name = "API keys", description = "Write keys and management tokens (admins only)")
class ApiKeyApi {

    private final ApiKeyManagement apiKeys;

    ApiKeyApi(ApiKeyManagement apiKeys) {
        this.apiKeys = apiKeys;
    }

    @GetMapping
    List<ApiKey> list(Actor actor) {
        return apiKeys.list(actor.workspaceId());
    }

    @GetMapping("/{id}")
    ApiKey get(Actor actor, @PathVariable UUID id) {
        return apiKeys.get(actor.workspaceId(), new ApiKeyId(id));
    }

    /** The response holds the token; it is stored only as a hash and cannot be shown again. */
    @PostMapping
    ResponseEntity<CreatedApiKey> create(Actor actor, @Valid @RequestBody NewApiKey key) {
        var created = apiKeys.create(actor.workspaceId(), key, actor.userId());
        return ResponseEntity.created(
                        URI.create("/api/v1/api-keys/" + created.key().id()))
                .body(created);
    }

    /** Whether a write key's messages may set e-mail, phone and consent. */
    record Access(@NotNull Boolean serverSide) {}

    /** Makes a write key public (it may sit in a web page) or server-side (it never may). */
    @PostMapping("/{id}/access")
    ApiKey changeAccess(Actor actor, @PathVariable UUID id, @Valid @RequestBody Access access) {
        return apiKeys.changeAccess(actor.workspaceId(), new ApiKeyId(id), access.serverSide());
    }

    @PostMapping("/{id}/revoke")
    ApiKey revoke(Actor actor, @PathVariable UUID id) {
        return apiKeys.revoke(actor.workspaceId(), new ApiKeyId(id));
    }
}
