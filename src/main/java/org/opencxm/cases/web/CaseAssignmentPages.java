package org.opencxm.cases.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.internal.CaseAssignments;
import org.opencxm.platform.Actor;
import org.opencxm.platform.UserId;
import org.opencxm.platform.common.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The queue's bulk action: the chosen cases go to someone, and the queue shows the same filters again. */
@Controller
@RequestMapping("/cases")
class CaseAssignmentPages {

    private final CaseAssignments assignments;

    CaseAssignmentPages(CaseAssignments assignments) {
        this.assignments = assignments;
    }

    /** @param assignee {@code me} or a colleague's id */
    @PostMapping("/assignments")
    @WorksCases
    String assign(
            Actor actor,
            @RequestParam(name = "ids", required = false) @Nullable List<UUID> ids,
            @RequestParam(defaultValue = "me") String assignee,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable String who,
            @RequestParam(required = false) @Nullable String due,
            RedirectAttributes redirect) {
        var to = "me".equals(assignee) ? actor.userId() : parse(assignee);
        if (to == null) {
            throw new InvalidInputException("assignee", "case.invalid.assignee");
        }
        int changed = assignments.assign(actor.workspaceId(), ids == null ? List.of() : ids, to, actor);
        redirect.addFlashAttribute("assigned", changed);
        var back = UriComponentsBuilder.fromPath("/cases");
        for (var filter : new String[][] {
            {"status", status},
            {"severity", severity},
            {"category", category},
            {"department", department},
            {"who", who},
            {"due", due}
        }) {
            if (filter[1] != null && !filter[1].isBlank()) {
                back.queryParam(filter[0], filter[1]);
            }
        }
        return "redirect:" + back.encode().build().toUriString();
    }

    private static @Nullable UserId parse(String id) {
        try {
            return new UserId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
