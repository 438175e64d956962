package org.opencxm.cases.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.CaseStatus;
import org.opencxm.cases.Severity;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Department;
import org.opencxm.platform.common.Ids;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Saved queue views ("Meine kritischen", "Logistik, nicht übernommen"): a person names the
 * queue's current filters and finds them again in one click. Personal; only known filters with
 * known values are kept, so a view is always a queue the page can show.
 */
@Service
public class SavedViews {

    static final int MOST = 20;

    /** The queue's filters, as a saved view keeps them. */
    public record Filters(
            @Nullable CaseStatus status,
            @Nullable Severity severity,
            @Nullable String category,
            @Nullable Department department,
            @Nullable String who,
            @Nullable String due) {

        /** The query string of the queue with these filters. */
        public String query() {
            var query = UriComponentsBuilder.newInstance();
            add(query, "status", status);
            add(query, "severity", severity);
            add(query, "category", category != null && category.matches("[a-z0-9-]{1,40}") ? category : null);
            add(query, "department", department);
            add(query, "who", "me".equals(who) || "nobody".equals(who) ? who : null);
            add(query, "due", "overdue".equals(due) || "today".equals(due) ? due : null);
            var built = query.build().getQuery();
            return built == null ? "" : built;
        }

        private static void add(UriComponentsBuilder query, String name, @Nullable Object value) {
            if (value != null) {
                query.queryParam(name, value.toString());
            }
        }
    }

    private final SavedViewStore store;
    private final Clock clock;

    SavedViews(SavedViewStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SavedViewStore.SavedView> of(Actor actor) {
        return actor.userId() == null ? List.of() : store.of(actor.workspaceId(), actor.userId());
    }

    /** Saves the filters under the name (a view of that name is replaced). */
    @Transactional
    public void save(Actor actor, @Nullable String name, Filters filters) {
        var owner = actor.userId();
        if (owner == null) {
            throw new InvalidInputException("name", "case.invalid.viewOwner");
        }
        var label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 60) {
            throw new InvalidInputException("name", "case.invalid.viewName");
        }
        var existing = store.of(actor.workspaceId(), owner);
        if (existing.size() >= MOST && existing.stream().noneMatch(v -> v.name().equals(label))) {
            throw new InvalidInputException("name", "case.invalid.viewsFull");
        }
        store.save(actor.workspaceId(), owner, Ids.next(), label, filters.query(), clock.instant());
    }

    @Transactional
    public void delete(Actor actor, UUID id) {
        if (actor.userId() == null || !store.delete(actor.workspaceId(), actor.userId(), id)) {
            throw new NotFoundException("view", id);
        }
    }
}
