package org.opencxm.customers.web;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.ConsentChannel;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.Customers;
import org.opencxm.platform.Actor;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.common.Paging;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The customer list with search, and the 360° page of one customer with the timeline. */
@Controller
@RequestMapping("/customers")
@ReadsCustomerData
class CustomerPages {

    static final int TIMELINE_PAGE = 25;

    private final Customers customers;

    CustomerPages(Customers customers) {
        this.customers = customers;
    }

    @GetMapping
    String list(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable LifecycleStage stage,
            @RequestParam(defaultValue = "seen") String sort,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        boolean byStage = "stage".equals(sort);
        model.addAttribute(
                "customers",
                customers.list(actor.workspaceId(), new Paging(page, Paging.DEFAULT_SIZE), q, stage, byStage));
        model.addAttribute("q", q);
        model.addAttribute("stage", stage);
        model.addAttribute("sort", byStage ? "stage" : "seen");
        model.addAttribute("stages", LifecycleStage.values());
        // the pager keeps the filter and order; it adds the search and the page itself
        model.addAttribute(
                "pagerPath",
                UriComponentsBuilder.fromPath("/customers")
                        .queryParamIfPresent("stage", java.util.Optional.ofNullable(stage))
                        .queryParamIfPresent(
                                "sort", byStage ? java.util.Optional.of("stage") : java.util.Optional.empty())
                        .build()
                        .toUriString());
        return "customers/list";
    }

    @GetMapping("/{id}")
    String profile(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Instant before,
            @RequestParam(required = false) @Nullable UUID beforeId,
            Model model) {
        var customerId = new CustomerId(id);
        var profile = customers.profile(actor.workspaceId(), customerId);
        var timeline = customers.timeline(actor.workspaceId(), customerId, before, beforeId, TIMELINE_PAGE + 1);
        model.addAttribute("profile", profile);
        model.addAttribute("channels", ConsentChannel.values());
        model.addAttribute("timeline", timeline.subList(0, Math.min(TIMELINE_PAGE, timeline.size())));
        // The last entry shown is where the next page continues.
        model.addAttribute("older", timeline.size() > TIMELINE_PAGE ? timeline.get(TIMELINE_PAGE - 1) : null);
        return "customers/profile";
    }
}
