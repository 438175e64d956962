package org.opencxm.cases.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.opencxm.cases.CaseId;
import org.opencxm.cases.CaseStatus;
import org.opencxm.cases.Cases;
import org.opencxm.cases.Severity;
import org.opencxm.cases.internal.CasePromises;
import org.opencxm.cases.internal.CaseRules;
import org.opencxm.cases.internal.CaseTransitions;
import org.opencxm.cases.internal.ReplyTemplates;
import org.opencxm.customers.Customers;
import org.opencxm.platform.Actor;
import org.opencxm.platform.common.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A case's page: what happened on it, its promises, the answer form with templates in the
 * customer's language, the customer beside it and what can be done next. Every form on it posts
 * through {@link #change}: done, back to the page; refused, the page again with the problems.
 */
@Component
class CasePage {

    private final Cases cases;
    private final CasePromises promises;
    private final ReplyTemplates templates;
    private final Customers customers;
    private final CaseRules rules;
    private final Clock clock;

    CasePage(
            Cases cases,
            CasePromises promises,
            ReplyTemplates templates,
            Customers customers,
            CaseRules rules,
            Clock clock) {
        this.rules = rules;
        this.cases = cases;
        this.promises = promises;
        this.templates = templates;
        this.customers = customers;
        this.clock = clock;
    }

    /** What the queue and the case page offer to choose from; the categories each sets itself. */
    void choices(Actor actor, Model model) {
        model.addAttribute("now", clock.instant());
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("severities", Severity.values());
    }

    /** The queue filters by every category, retired ones too: their cases are still there. */
    void filterChoices(Actor actor, Model model) {
        model.addAttribute(
                "categories",
                rules.categories(actor.workspaceId()).all().stream()
                        .map(c -> c.key())
                        .toList());
    }

    String show(Actor actor, UUID id, Model model) {
        choices(actor, model);
        var shown = cases.get(actor.workspaceId(), new CaseId(id));
        var open = rules.categories(actor.workspaceId()).openKeys();
        // filed under a retired category: it stays chosen until the agent refiles the case
        model.addAttribute(
                "categories",
                open.contains(shown.category())
                        ? open
                        : Stream.concat(Stream.of(shown.category()), open.stream())
                                .toList());
        model.addAttribute("supportCase", shown);
        model.addAttribute("entries", cases.entries(actor.workspaceId(), shown.id()));
        var profile = customers.profile(actor.workspaceId(), shown.customerId());
        model.addAttribute("customer", profile.customer());
        var language = templates.language(actor.workspaceId(), profile);
        model.addAttribute("replyLanguage", language);
        model.addAttribute("replyTemplates", templates.in(actor.workspaceId(), language));
        model.addAttribute(
                "otherCases",
                cases.ofCustomer(actor.workspaceId(), shown.customerId()).stream()
                        .filter(o -> !o.id().equals(shown.id()))
                        .limit(5)
                        .toList());
        model.addAttribute("recent", customers.timeline(actor.workspaceId(), shown.customerId(), null, null, 10));
        model.addAttribute(
                "earlier", shown.repeatOf() == null ? null : cases.get(actor.workspaceId(), shown.repeatOf()));
        model.addAttribute("next", CaseTransitions.next(shown.status()));
        model.addAttribute("promises", promises.of(actor.workspaceId(), shown.id()));
        return "cases/case";
    }

    /** Makes the change; refused, the case page again with the reasons by field and a 400. */
    String change(Actor actor, UUID id, Model model, HttpServletResponse response, Supplier<?> change) {
        try {
            change.get();
            return "redirect:/cases/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.byField());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(actor, id, model);
        }
    }
}
