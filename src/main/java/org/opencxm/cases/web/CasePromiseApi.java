package org.opencxm.cases.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.CaseId;
import org.opencxm.cases.internal.CasePromise;
import org.opencxm.cases.internal.CasePromises;
import org.opencxm.platform.Actor;
import org.opencxm.platform.AnyRole;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Promises to a case's customer over the API: made with a due time, kept, listed. */
@RestController
@RequestMapping("/api/v1/cases/{id}/promises")
@Tag(name = "Cases")
class CasePromiseApi {

    /**
     * @param due when it is due: with an offset ({@code 2026-12-04T11:00:00Z}) or, without one, in
     *     the caller's time zone (UTC for tokens)
     */
    record NewPromise(@Nullable String what, @Nullable String due) {}

    private final CasePromises promises;

    CasePromiseApi(CasePromises promises) {
        this.promises = promises;
    }

    @GetMapping
    @AnyRole
    List<CasePromise> list(Actor actor, @PathVariable UUID id) {
        return promises.of(actor.workspaceId(), new CaseId(id));
    }

    @PostMapping
    @WorksCases
    ResponseEntity<CasePromise> make(Actor actor, @PathVariable UUID id, @RequestBody NewPromise body) {
        var made = promises.make(actor.workspaceId(), new CaseId(id), body.what(), body.due(), actor);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/promises/" + made.id()))
                .body(made);
    }

    /** The promise was kept, now; kept after its due time it counts as kept late. */
    @PostMapping("/{promise}/kept")
    @WorksCases
    ResponseEntity<Void> kept(Actor actor, @PathVariable UUID id, @PathVariable UUID promise) {
        promises.keep(actor.workspaceId(), new CaseId(id), promise, actor);
        return ResponseEntity.noContent().build();
    }
}
