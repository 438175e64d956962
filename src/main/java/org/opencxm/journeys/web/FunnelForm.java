package org.opencxm.journeys.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.internal.FunnelBreakdown;
import org.opencxm.journeys.internal.FunnelDefinition;
import org.opencxm.journeys.internal.FunnelOrder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The funnel page's form, which is also its address: the steps, window, order, period and
 * breakdown (with the trait it names) all travel in the query string, so a funnel can be shared as a link (and survives a
 * change of language).
 */
record FunnelForm(
        @Nullable String name,
        @Nullable List<String> steps,
        @Nullable Integer windowDays,
        @Nullable FunnelOrder order,

        @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate from,

        @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate to,

        @Nullable FunnelBreakdown breakdown,
        @Nullable String trait,
        @Nullable Integer dropped) {

    static final int ROWS = FunnelDefinition.MAX_STEPS;

    static FunnelForm of(FunnelDefinition definition, LocalDate from, LocalDate to) {
        return new FunnelForm(
                definition.name(),
                definition.steps(),
                definition.windowDays(),
                definition.order(),
                from,
                to,
                FunnelBreakdown.NONE,
                null,
                null);
    }

    static FunnelForm starter(LocalDate from, LocalDate to) {
        return new FunnelForm(
                "",
                List.of("Product Viewed", "Product Added", "Checkout Started", "Order Completed"),
                7,
                FunnelOrder.SEQUENTIAL,
                from,
                to,
                FunnelBreakdown.NONE,
                null,
                null);
    }

    FunnelDefinition definition() {
        // a short link (only steps) gets the builder's defaults: seven days, in order
        return FunnelDefinition.checked(
                name == null || name.isBlank() ? "–" : name, steps, windowDays == null ? 7 : windowDays, order);
    }

    /** Ten rows to fill in: the steps, then blanks. */
    public List<String> rows() {
        var rows = new ArrayList<String>(
                steps == null
                        ? List.of()
                        : steps.stream().map(s -> s == null ? "" : s).toList());
        while (rows.size() < ROWS) {
            rows.add("");
        }
        return rows.subList(0, ROWS);
    }

    public FunnelBreakdown breakdownOrNone() {
        return breakdown == null ? FunnelBreakdown.NONE : breakdown;
    }

    /** The address that shows this funnel: the steps given, the period, the breakdown. */
    public String link(String path) {
        var uri = UriComponentsBuilder.fromPath(path);
        if (steps != null) {
            steps.stream().filter(s -> s != null && !s.isBlank()).forEach(s -> uri.queryParam("steps", s.strip()));
        }
        if (name != null && !name.isBlank()) {
            uri.queryParam("name", name.strip());
        }
        if (windowDays != null) {
            uri.queryParam("windowDays", windowDays);
        }
        if (order != null) {
            uri.queryParam("order", order);
        }
        if (from != null) {
            uri.queryParam("from", from);
        }
        if (to != null) {
            uri.queryParam("to", to);
        }
        if (breakdown != null) {
            uri.queryParam("breakdown", breakdown);
        }
        if (breakdown == FunnelBreakdown.TRAIT && trait != null && !trait.isBlank()) {
            uri.queryParam("trait", trait.strip());
        }
        // encoded after building: a brace in an event name is text, not a URI template variable
        return uri.build().encode().toUriString();
    }

    /** The same funnel with another period. */
    FunnelForm withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new FunnelForm(name, steps, windowDays, order, newFrom, newTo, breakdown, trait, dropped);
    }
}
