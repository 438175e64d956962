package org.opencxm.journeys.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.internal.InactivityWindow;
import org.opencxm.journeys.internal.JourneyRules;
import org.opencxm.journeys.internal.Occasion;
import org.opencxm.journeys.internal.StageRule;
import org.opencxm.platform.LifecycleStage;

/**
 * The rules page as the browser posts it: one row per rule (a row without an event name, or
 * ticked for removal, is left out) and the inactivity window. A blank row at the end takes a new
 * rule, so the page works without JavaScript.
 */
record RulesForm(
        int version,
        @Nullable List<Row> rules,
        @Nullable Integer floorDays,
        @Nullable Integer ceilingDays,
        @Nullable BigDecimal rhythmFactor,
        @Nullable Integer firstPurchaseDays) {

    /** One rule as a form row. */
    record Row(
            @Nullable String event,
            @Nullable LifecycleStage stage,
            @Nullable Occasion occasion,
            @Nullable Boolean purchase,
            @Nullable Boolean remove) {

        boolean kept() {
            return event != null && !event.isBlank() && !Boolean.TRUE.equals(remove);
        }
    }

    static RulesForm of(JourneyRules rules) {
        var rows = new ArrayList<Row>();
        for (var rule : rules.rules()) {
            rows.add(new Row(rule.event(), rule.stage(), rule.occasion(), rule.purchase(), false));
        }
        var window = rules.inactivity();
        return new RulesForm(
                rules.version(),
                rows,
                window.floorDays(),
                window.ceilingDays(),
                BigDecimal.valueOf(window.rhythmFactor()),
                window.firstPurchaseDays());
    }

    /** The rows to show again: the kept ones and one blank row for a new rule. */
    List<Row> rows() {
        var rows = new ArrayList<Row>();
        if (rules != null) {
            rules.stream().filter(Row::kept).forEach(rows::add);
        }
        rows.add(new Row("", LifecycleStage.CONSIDERATION, Occasion.ALWAYS, false, false));
        return rows;
    }

    List<StageRule> stageRules() {
        if (rules == null) {
            return List.of();
        }
        return rules.stream()
                .filter(Row::kept)
                .map(row -> new StageRule(
                        row.event().strip(),
                        row.stage() == null ? LifecycleStage.CONSIDERATION : row.stage(),
                        row.occasion() == null ? Occasion.ALWAYS : row.occasion(),
                        Boolean.TRUE.equals(row.purchase())))
                .toList();
    }

    /** The window; a missing number becomes 0 days, which validation refuses with the field named. */
    InactivityWindow window() {
        return new InactivityWindow(
                floorDays == null ? 0 : floorDays,
                ceilingDays == null ? 0 : ceilingDays,
                rhythmFactor == null ? 0 : rhythmFactor.doubleValue(),
                firstPurchaseDays == null ? 0 : firstPurchaseDays);
    }
}
