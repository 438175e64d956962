package org.opencxm.journeys.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.Customers;
import org.opencxm.journeys.JourneySummary;
import org.opencxm.journeys.Journeys;
import org.opencxm.journeys.internal.InactivityWindow;
import org.opencxm.journeys.internal.JourneyRules;
import org.opencxm.journeys.internal.ReplayProgress;
import org.opencxm.journeys.internal.RuleBook;
import org.opencxm.journeys.internal.RulePreview;
import org.opencxm.journeys.internal.StageRule;
import org.opencxm.platform.Actor;
import org.opencxm.platform.AnyRole;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.common.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Journeys", description = "Lifecycle stages, their transition rules and every customer's journey")
class JourneyApi {

    /** Rules as the API reads and writes them; {@code version} is the one the change is based on. */
    record RulesBody(int version, List<StageRule> rules, InactivityWindow inactivity) {}

    private final Journeys journeys;
    private final Customers customers;
    private final RuleBook rules;
    private final RulePreview previews;

    JourneyApi(Journeys journeys, Customers customers, RuleBook rules, RulePreview previews) {
        this.journeys = journeys;
        this.customers = customers;
        this.rules = rules;
        this.previews = previews;
    }

    /** The customer's stage, purchases, revenue, latest score and every transition, oldest first. */
    @GetMapping("/customers/{id}/journey")
    @ReadsCustomerData
    JourneySummary journey(Actor actor, @PathVariable UUID id) {
        var customer =
                customers.profile(actor.workspaceId(), new CustomerId(id)).customer();
        return journeys.summary(actor.workspaceId(), customer.id());
    }

    /** Customers per current stage; every stage is present. */
    @GetMapping("/journeys/stages")
    @AnyRole
    Map<LifecycleStage, Long> stages(Actor actor) {
        return journeys.distribution(actor.workspaceId());
    }

    @GetMapping("/journeys/rules")
    @AnyRole
    JourneyRules rules(Actor actor) {
        return rules.current(actor.workspaceId());
    }

    /** Saves the next version (409-free: a stale {@code version} is a 400 naming the field) and replays every customer. */
    @PutMapping("/journeys/rules")
    @EditsJourneyRules
    JourneyRules save(Actor actor, @RequestBody RulesBody body) {
        return rules.save(actor.workspaceId(), body.version(), body.rules(), body.inactivity(), actor.userId());
    }

    /** What saving these rules would do to today's stages; nothing is written. */
    @PostMapping("/journeys/rules/preview")
    @EditsJourneyRules
    RulePreview.Preview preview(Actor actor, @RequestBody RulesBody body) {
        return previews.preview(actor.workspaceId(), body.rules(), body.inactivity());
    }

    /** How far the replay after the last change of rules has got. */
    @GetMapping("/journeys/rules/replay")
    @AnyRole
    ReplayProgress replay(Actor actor) {
        return rules.progress(actor.workspaceId()).orElseThrow(() -> new NotFoundException("replay", "none"));
    }
}
