package org.opencxm.journeys.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.journeys.internal.FunnelBreakdown;
import org.opencxm.journeys.internal.FunnelDefinition;
import org.opencxm.journeys.internal.FunnelOrder;
import org.opencxm.journeys.internal.FunnelResult;
import org.opencxm.journeys.internal.Funnels;
import org.opencxm.journeys.internal.SavedFunnel;
import org.opencxm.platform.Actor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Funnels over REST: saved ones, their results for a period, ad-hoc ones, and who dropped off. */
@RestController
@RequestMapping("/api/v1/journeys/funnels")
@Tag(name = "Funnels", description = "Ordered steps (events or stages) with conversion per step and drop-offs")
@ReadsCustomerData
class FunnelApi {

    /** A funnel as written; {@code order} defaults to SEQUENTIAL. */
    record FunnelBody(
            @Nullable String name,
            @Nullable List<String> steps,
            @Nullable Integer windowDays,
            @Nullable FunnelOrder order) {

        FunnelDefinition definition() {
            return FunnelDefinition.checked(name, steps, windowDays, order);
        }
    }

    private final Funnels funnels;

    FunnelApi(Funnels funnels) {
        this.funnels = funnels;
    }

    @GetMapping
    List<SavedFunnel> list(Actor actor) {
        return funnels.list(actor.workspaceId());
    }

    @PostMapping
    ResponseEntity<SavedFunnel> create(Actor actor, @RequestBody FunnelBody body) {
        var saved = funnels.create(actor.workspaceId(), body.definition(), actor.userId());
        return ResponseEntity.created(URI.create("/api/v1/journeys/funnels/" + saved.id()))
                .body(saved);
    }

    @GetMapping("/{id}")
    SavedFunnel get(Actor actor, @PathVariable UUID id) {
        return funnels.get(actor.workspaceId(), id);
    }

    @PutMapping("/{id}")
    SavedFunnel update(Actor actor, @PathVariable UUID id, @RequestBody FunnelBody body) {
        return funnels.update(actor.workspaceId(), id, body.definition());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable UUID id) {
        funnels.delete(actor.workspaceId(), id);
        return ResponseEntity.noContent().build();
    }

    /** The saved funnel for customers entering it in the period (default: the last 90 days). */
    @GetMapping("/{id}/result")
    FunnelResult result(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "NONE") FunnelBreakdown breakdown,
            @RequestParam(required = false) @Nullable String trait) {
        return run(actor, funnels.get(actor.workspaceId(), id).definition(), from, to, breakdown, trait);
    }

    /** A funnel that is not saved, e.g. to try steps out. */
    @PostMapping("/result")
    FunnelResult adHoc(
            Actor actor,
            @RequestBody FunnelBody body,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "NONE") FunnelBreakdown breakdown,
            @RequestParam(required = false) @Nullable String trait) {
        var named =
                new FunnelBody(body.name() == null ? "–" : body.name(), body.steps(), body.windowDays(), body.order());
        return run(actor, named.definition(), from, to, breakdown, trait);
    }

    /** Customers who reached step {@code step} (counted from 0) but not the next: at most 10,000. */
    @GetMapping("/{id}/drop-offs")
    List<CustomerId> dropOffs(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int step,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        var result =
                run(actor, funnels.get(actor.workspaceId(), id).definition(), from, to, FunnelBreakdown.NONE, null);
        return result.dropOffs().getOrDefault(step, List.of());
    }

    private FunnelResult run(
            Actor actor,
            FunnelDefinition definition,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            FunnelBreakdown breakdown,
            @Nullable String trait) {
        var period = funnels.lastNinetyDays(actor.timeZone());
        return funnels.run(
                actor.workspaceId(),
                definition,
                from == null ? period.getKey() : from,
                to == null ? period.getValue() : to,
                breakdown,
                trait,
                actor.timeZone());
    }
}
