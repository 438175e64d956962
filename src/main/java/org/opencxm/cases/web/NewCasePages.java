package org.opencxm.cases.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.Cases;
import org.opencxm.cases.NewCase;
import org.opencxm.cases.Severity;
import org.opencxm.cases.internal.CaseRules;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.Customers;
import org.opencxm.platform.Actor;
import org.opencxm.platform.common.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** An agent opens a case for a customer, from the customer's page. */
@Controller
@RequestMapping("/cases")
class NewCasePages {

    private final Cases cases;
    private final Customers customers;

    private final CaseRules rules;

    NewCasePages(Cases cases, Customers customers, CaseRules rules) {
        this.rules = rules;
        this.cases = cases;
        this.customers = customers;
    }

    @ModelAttribute
    void choices(Actor actor, Model model) {
        model.addAttribute("severities", Severity.values());
        model.addAttribute("categories", rules.categories(actor.workspaceId()).openKeys());
    }

    @GetMapping("/new")
    @WorksCases
    String blank(Actor actor, @RequestParam UUID customer, Model model) {
        model.addAttribute(
                "customer",
                customers.profile(actor.workspaceId(), new CustomerId(customer)).customer());
        model.addAttribute("form", new CaseForm(customer, "", "other", Severity.MEDIUM, ""));
        return "cases/new";
    }

    @PostMapping
    @WorksCases
    String open(Actor actor, @ModelAttribute("form") CaseForm form, Model model, HttpServletResponse response) {
        if (form.customer() == null) {
            throw new InvalidInputException("customer", "case.invalid.customer");
        }
        try {
            var opened = cases.open(
                    actor.workspaceId(),
                    new NewCase(
                            new CustomerId(form.customer()),
                            form.subject(),
                            form.category(),
                            form.severity(),
                            form.note()),
                    actor);
            return "redirect:/cases/" + opened.id();
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.byField());
            model.addAttribute(
                    "customer",
                    customers
                            .profile(actor.workspaceId(), new CustomerId(form.customer()))
                            .customer());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "cases/new";
        }
    }

    /** The form that opens a case. */
    record CaseForm(
            @Nullable UUID customer,
            @Nullable String subject,
            String category,
            @Nullable Severity severity,
            @Nullable String note) {}
}
