package org.opencxm.journeys.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.Customers;
import org.opencxm.platform.UserId;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.Ids;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.NotFoundException;
import org.opencxm.touchpoints.TouchpointId;
import org.opencxm.touchpoints.Touchpoints;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Funnels: saved per workspace, and run over the customers who entered the first step in a
 * period (whole days in the reader's time zone). Reads the journeys' own event log, streaming,
 * so memory stays bounded by one customer's sequence plus the counts.
 */
@Component
public class Funnels {

    /** Periods longer than this are refused: a funnel over years answers nothing a dashboard needs. */
    static final int MAX_PERIOD_DAYS = 731;

    private final FunnelStore store;
    private final JourneyEventStore events;
    private final JourneyAnalysisStore analyses;
    private final Touchpoints touchpoints;
    private final Customers customers;
    private final Clock clock;

    Funnels(
            FunnelStore store,
            JourneyEventStore events,
            JourneyAnalysisStore analyses,
            Touchpoints touchpoints,
            Customers customers,
            Clock clock) {
        this.store = store;
        this.events = events;
        this.analyses = analyses;
        this.touchpoints = touchpoints;
        this.customers = customers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SavedFunnel> list(WorkspaceId workspace) {
        return store.list(workspace);
    }

    @Transactional(readOnly = true)
    public SavedFunnel get(WorkspaceId workspace, UUID id) {
        return store.find(workspace, id).orElseThrow(() -> new NotFoundException("funnel", id));
    }

    @Transactional
    public SavedFunnel create(WorkspaceId workspace, FunnelDefinition definition, @Nullable UserId by) {
        var id = Ids.next();
        store.insert(workspace, id, definition, by, clock.instant());
        return get(workspace, id);
    }

    @Transactional
    public SavedFunnel update(WorkspaceId workspace, UUID id, FunnelDefinition definition) {
        if (!store.update(workspace, id, definition, clock.instant())) {
            throw new NotFoundException("funnel", id);
        }
        return get(workspace, id);
    }

    @Transactional
    public void delete(WorkspaceId workspace, UUID id) {
        if (!store.delete(workspace, id)) {
            throw new NotFoundException("funnel", id);
        }
    }

    /**
     * Runs the funnel for customers entering it from {@code from} to {@code to} (both whole days,
     * in {@code zone}); their later steps may fall after {@code to}, up to the window.
     */
    @Transactional(readOnly = true)
    public FunnelResult run(
            WorkspaceId workspace,
            FunnelDefinition definition,
            LocalDate from,
            LocalDate to,
            FunnelBreakdown breakdown,
            @Nullable String trait,
            ZoneId zone) {
        checkPeriod(from, to);
        var traitName = breakdown == FunnelBreakdown.TRAIT ? checkTrait(trait) : null;
        var start = from.atStartOfDay(zone).toInstant();
        var end = to.plusDays(1).atStartOfDay(zone).toInstant();
        var channels = new HashMap<TouchpointId, String>();
        touchpoints
                .list(workspace)
                .forEach(t -> channels.put(t.id(), t.channel().name()));
        var analysis = new FunnelAnalysis(definition, start, end, breakdown, id -> channels.getOrDefault(id, ""));
        analyses.sequences(
                workspace,
                definition.steps(),
                definition.order() == FunnelOrder.STRICT,
                breakdown,
                start,
                end.plus(Duration.ofDays(definition.windowDays())),
                analysis::accept);
        return traitName == null
                ? analysis.finish()
                : analysis.finish(traitName, chunk -> customers.traitValues(workspace, traitName, chunk));
    }

    /** A trait to break down by: its name as profiles carry it, up to 100 characters. */
    static String checkTrait(@Nullable String trait) {
        if (trait == null || trait.isBlank() || trait.strip().length() > 100) {
            throw new InvalidInputException("trait", "funnels.invalid.trait");
        }
        return trait.strip();
    }

    /** Trait names to break down by, from a sample of the profiles. */
    @Transactional(readOnly = true)
    public List<String> traitNames(WorkspaceId workspace) {
        return customers.traitNames(workspace);
    }

    /** The event names customers of the workspace produced, for choosing funnel steps. */
    @Transactional(readOnly = true)
    public List<String> eventNames(WorkspaceId workspace) {
        return events.names(workspace, 300);
    }

    /** Refuses a period that ends before it starts, is longer than two years, or lies outside 1900–2199. */
    static void checkPeriod(LocalDate from, LocalDate to) {
        if (from.getYear() < 1900 || from.getYear() > 2199) {
            throw new InvalidInputException("from", "funnels.invalid.periodYears");
        }
        if (to.getYear() < 1900 || to.getYear() > 2199) {
            throw new InvalidInputException("to", "funnels.invalid.periodYears");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "funnels.invalid.period");
        }
        if (from.plusDays(MAX_PERIOD_DAYS).isBefore(to)) {
            throw new InvalidInputException("from", "funnels.invalid.periodLength");
        }
    }

    /** The default period: the last 90 days up to today. */
    public Map.Entry<LocalDate, LocalDate> lastNinetyDays(ZoneId zone) {
        var today = LocalDate.now(clock.withZone(zone));
        return Map.entry(today.minusDays(89), today);
    }
}
