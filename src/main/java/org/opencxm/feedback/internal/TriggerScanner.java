package org.opencxm.feedback.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.opencxm.customers.Customers;
import org.opencxm.touchpoints.Interactions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the events each trigger follows and schedules the invitations they call for, due the
 * trigger's delay after the event (never in the past). One trigger per transaction: the
 * watermark moves together with the invitations it produced, so a crash repeats nothing and
 * loses nothing. Reading lags a minute behind the clock so that slow commits are not skipped.
 */
@Component
class TriggerScanner {

    static final Duration LAG = Duration.ofMinutes(1);
    private static final int EVENTS_PER_TRIGGER = 1000;
    /** After every event received at the watermark's time: none sorts after this id. */
    private static final UUID MAX_ID = new UUID(-1L, -1L);

    private final TriggerStore triggers;
    private final SurveyStore surveys;
    private final Interactions interactions;
    private final Customers customers;
    private final Invitations invitations;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TriggerScanner(
            TriggerStore triggers,
            SurveyStore surveys,
            Interactions interactions,
            Customers customers,
            Invitations invitations,
            TransactionTemplate transactions,
            Clock clock) {
        this.triggers = triggers;
        this.surveys = surveys;
        this.interactions = interactions;
        this.customers = customers;
        this.invitations = invitations;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Scans every trigger once; returns the number of invitations scheduled or skipped. */
    @Scheduled(
            fixedDelayString = "${opencxm.feedback.trigger-interval}",
            initialDelayString = "${opencxm.feedback.trigger-interval}")
    int scan() {
        var until = clock.instant().minus(LAG);
        int made = 0;
        Integer round;
        while ((round = transactions.execute(tx -> scanOne(until))) != null) {
            made += round;
        }
        return made;
    }

    /** Handles the next trigger whose watermark is behind; null when none is. */
    private Integer scanOne(Instant until) {
        var next = triggers.nextToScan(until);
        if (next.isEmpty()) {
            return null;
        }
        var scan = next.get();
        var workspace = scan.workspace();
        var trigger = scan.trigger();
        var events = interactions.named(
                workspace, trigger.eventName(), scan.watermark(), scan.watermarkEvent(), until, EVENTS_PER_TRIGGER);
        var survey = surveys.find(workspace, trigger.surveyId()).orElseThrow();
        int made = 0;
        var rules = events.isEmpty() ? null : invitations.rules(workspace);
        for (var event : events) {
            var profile = customers.byIdentity(workspace, event.userId(), event.anonymousId());
            if (profile.isEmpty() || !matches(trigger, profile.get().traits())) {
                continue;
            }
            var due = event.occurredAt().plus(Duration.ofDays(trigger.delayDays()));
            var now = clock.instant();
            invitations.invite(
                    survey, profile.get(), InvitationChannel.EMAIL, due.isBefore(now) ? now : due, trigger.id(), rules);
            made++;
        }
        if (events.size() == EVENTS_PER_TRIGGER) {
            var last = events.get(events.size() - 1);
            triggers.advance(workspace, trigger.id(), last.receivedAt(), last.id());
        } else {
            triggers.advance(workspace, trigger.id(), until, MAX_ID);
        }
        return made;
    }

    private static boolean matches(SurveyTrigger trigger, Map<String, Object> traits) {
        return trigger.traitName() == null
                || Objects.equals(Objects.toString(traits.get(trigger.traitName()), null), trigger.traitValue());
    }
}
