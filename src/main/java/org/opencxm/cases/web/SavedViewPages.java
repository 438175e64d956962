package org.opencxm.cases.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.CaseStatus;
import org.opencxm.cases.Severity;
import org.opencxm.cases.internal.SavedViews;
import org.opencxm.platform.Actor;
import org.opencxm.platform.AnyRole;
import org.opencxm.platform.Department;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Saving the queue's filters under a name, and deleting a saved view; each person's own. */
@Controller
@RequestMapping("/cases/views")
class SavedViewPages {

    private final SavedViews views;

    SavedViewPages(SavedViews views) {
        this.views = views;
    }

    @PostMapping
    @AnyRole
    String save(
            Actor actor,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) @Nullable CaseStatus status,
            @RequestParam(required = false) @Nullable Severity severity,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable Department department,
            @RequestParam(required = false) @Nullable String who,
            @RequestParam(required = false) @Nullable String due) {
        var filters = new SavedViews.Filters(status, severity, category, department, who, due);
        views.save(actor, name, filters);
        var query = filters.query();
        return "redirect:/cases" + (query.isEmpty() ? "" : "?" + query);
    }

    @PostMapping("/{id}/delete")
    @AnyRole
    String delete(Actor actor, @PathVariable UUID id) {
        views.delete(actor, id);
        return "redirect:/cases";
    }
}
