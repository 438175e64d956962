package org.opencxm.customers.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.Consent;
import org.opencxm.customers.ConsentChannel;
import org.opencxm.customers.Customer;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.CustomerProfile;
import org.opencxm.customers.Customers;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Role;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.Paging;
import org.opencxm.platform.common.ResultPage;
import org.opencxm.touchpoints.Interaction;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
@ReadsCustomerData
@Tag(name = "Customers", description = "Profiles, timelines and consent")
class CustomerApi {

    static final int MAX_TIMELINE_PAGE = 200;

    /** A consent answer to record. */
    record ConsentAnswer(
            @NotNull Boolean granted,
            @Nullable @Size(max = 60) String source) {}

    private final Customers customers;

    CustomerApi(Customers customers) {
        this.customers = customers;
    }

    @GetMapping
    ResultPage<Customer> list(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return customers.list(actor.workspaceId(), new Paging(page, size), q);
    }

    @GetMapping("/{id}")
    CustomerProfile profile(Actor actor, @PathVariable UUID id) {
        return customers.profile(actor.workspaceId(), new CustomerId(id));
    }

    /**
     * Newest first; for the next page pass the {@code occurredAt} and {@code id} of the last entry
     * as {@code before} and {@code beforeId}.
     */
    @GetMapping("/{id}/timeline")
    List<Interaction> timeline(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Instant before,
            @RequestParam(required = false) @Nullable UUID beforeId,
            @RequestParam(defaultValue = "50") int size) {
        if (size < 1 || size > MAX_TIMELINE_PAGE) {
            throw new InvalidInputException("size", "validation.page.size");
        }
        return customers.timeline(actor.workspaceId(), new CustomerId(id), before, beforeId, size);
    }

    @PutMapping("/{id}/consent/{channel}")
    @Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY, Role.AGENT_AUTHORITY})
    Consent recordConsent(
            Actor actor,
            @PathVariable UUID id,
            @PathVariable ConsentChannel channel,
            @Valid @RequestBody ConsentAnswer answer) {
        var source = answer.source() == null || answer.source().isBlank()
                ? "api"
                : answer.source().strip();
        return customers.recordConsent(actor.workspaceId(), new CustomerId(id), channel, answer.granted(), source);
    }
}
