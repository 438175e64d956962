package org.opencxm.touchpoints.web;

import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.Actor;
import org.opencxm.platform.ApiKey;
import org.opencxm.platform.ApiKeyId;
import org.opencxm.platform.ApiKeys;
import org.opencxm.platform.Role;
import org.opencxm.touchpoints.internal.CollectionDebugger;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Settings › Collection: the live event debugger. The lists refresh themselves every few
 * seconds, so whoever wires up a shop sees their events arrive, or why they do not.
 */
@Controller
@RequestMapping("/settings/collection")
@Secured(Role.ADMIN_AUTHORITY)
class CollectionDebuggerPages {

    static final int SHOWN = 50;

    private final CollectionDebugger debugger;
    private final ApiKeys apiKeys;

    CollectionDebuggerPages(CollectionDebugger debugger, ApiKeys apiKeys) {
        this.debugger = debugger;
        this.apiKeys = apiKeys;
    }

    @GetMapping
    String show(Actor actor, @RequestParam(required = false) @Nullable UUID writeKey, Model model) {
        var keys = apiKeys.writeKeys(actor.workspaceId());
        var chosen = writeKey == null ? null : new ApiKeyId(writeKey);
        model.addAttribute("keys", keys);
        model.addAttribute("keyNames", keys.stream().collect(Collectors.toMap(ApiKey::id, ApiKey::name)));
        model.addAttribute("chosen", chosen);
        model.addAttribute("received", debugger.received(actor.workspaceId(), chosen, SHOWN));
        model.addAttribute("rejected", debugger.rejected(actor.workspaceId(), chosen, SHOWN));
        model.addAttribute("retentionDays", debugger.retention().toDays());
        return "touchpoints/debugger";
    }
}
