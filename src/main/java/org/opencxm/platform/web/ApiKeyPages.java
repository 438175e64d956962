package org.opencxm.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.opencxm.platform.Actor;
import org.opencxm.platform.ApiKeyId;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.CurrentActor;
import org.opencxm.platform.Role;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.NewApiKey;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Settings › API keys: write keys for collection, management tokens for the REST API. */
@Controller
@RequestMapping("/settings/api-keys")
@Secured(Role.ADMIN_AUTHORITY)
class ApiKeyPages {

    private final ApiKeyManagement apiKeys;
    private final PublicAddress address;

    ApiKeyPages(ApiKeyManagement apiKeys, PublicAddress address) {
        this.apiKeys = apiKeys;
        this.address = address;
    }

    @ModelAttribute
    void choices(Actor actor, Model model) {
        model.addAttribute("keys", apiKeys.list(actor.workspaceId()));
        model.addAttribute("kinds", ApiKeyKind.values());
        model.addAttribute("roles", Role.values());
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("newKey", new NewApiKey(ApiKeyKind.WRITE, "", null, null));
        return "platform/api-keys";
    }

    /** The token is rendered in this response only; it is never stored in clear. */
    @PostMapping
    String create(
            Actor actor,
            @Valid @ModelAttribute("newKey") NewApiKey newKey,
            BindingResult form,
            @RequestParam(defaultValue = "false") boolean installation,
            Model model,
            HttpServletResponse response) {
        if (!form.hasErrors() && installation && !installationToken(newKey)) {
            form.rejectValue("role", "validation.apiKey.installationAdmin");
        }
        if (!form.hasErrors()) {
            try {
                var created = installation
                        ? apiKeys.createInstallationToken(actor.workspaceId(), newKey.name(), actor.userId())
                        : apiKeys.create(actor.workspaceId(), normalized(newKey), actor.userId());
                model.addAttribute("created", created);
                model.addAttribute("snippet", snippet(created.token()));
                model.addAttribute("keys", apiKeys.list(actor.workspaceId()));
                model.addAttribute("newKey", new NewApiKey(ApiKeyKind.WRITE, "", null, null));
                return "platform/api-keys";
            } catch (InvalidInputException e) {
                form.rejectValue(e.field(), e.messageKey());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "platform/api-keys";
    }

    @PostMapping("/{id}/access")
    String changeAccess(Actor actor, @PathVariable UUID id, @RequestParam boolean serverSide) {
        apiKeys.changeAccess(actor.workspaceId(), new ApiKeyId(id), serverSide);
        return "redirect:/settings/api-keys?changed";
    }

    @PostMapping("/{id}/revoke")
    String revoke(Actor actor, @PathVariable UUID id) {
        apiKeys.revoke(actor.workspaceId(), new ApiKeyId(id));
        return "redirect:/settings/api-keys?revoked";
    }

    /** The tag to paste into a website; consent is required until the admin decides otherwise. */
    private String snippet(String writeKey) {
        var source = address.of("/js/opencxm.js");
        return """
                <script async src="%s" data-write-key="%s" data-touchpoint="website" data-consent="required"></script>
                <script>window.opencxm = window.opencxm || []; opencxm.push(["page"]);</script>""".formatted(source, writeKey);
    }

    /** Only an installation admin makes one, and only as an admin token. */
    private static boolean installationToken(NewApiKey key) {
        return CurrentActor.isInstallationAdmin() && key.kind() == ApiKeyKind.MANAGEMENT && key.role() == Role.ADMIN;
    }

    /**
     * The form always submits a role select and may submit the server-side box; each only means
     * something for one kind of key.
     */
    private static NewApiKey normalized(NewApiKey key) {
        return key.kind() == ApiKeyKind.WRITE
                ? new NewApiKey(key.kind(), key.name(), null, key.touchpointId(), key.serverSide())
                : new NewApiKey(key.kind(), key.name(), key.role(), key.touchpointId(), false);
    }
}
