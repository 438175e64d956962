package org.opencxm.feedback.internal;

import java.util.List;
import java.util.Optional;
import org.opencxm.customers.CustomerProfile;

/**
 * Whether a customer may be invited now, as named rules checked in order: the first that
 * objects gives the reason the invitation is skipped. Plain Java, so each rule is easy to test
 * and to explain on the settings page.
 */
final class InvitationPolicy {

    /** What the rules need to know about one intended invitation. */
    record Candidate(
            Survey survey,
            InvitationChannel channel,
            CustomerProfile customer,
            FeedbackSettings settings,
            boolean invitedWithinGap) {}

    /** The outcome: invite, or skip for a reason. */
    sealed interface Decision {
        record Invite() implements Decision {}

        record Skip(SkipReason reason) implements Decision {}
    }

    private interface Rule {
        Optional<SkipReason> objection(Candidate candidate);
    }

    private static final Rule SURVEY_ACTIVE =
            c -> c.survey().open() ? Optional.empty() : Optional.of(SkipReason.SURVEY_NOT_ACTIVE);

    private static final Rule CONSENTED = c -> {
        var channel = c.channel().consent();
        if (channel == null) {
            return Optional.empty();
        }
        var consent = c.customer().consent(channel);
        var allowed = consent == null ? !c.settings().requireEmailOptIn() : consent.granted();
        return allowed ? Optional.empty() : Optional.of(SkipReason.NO_CONSENT);
    };

    private static final Rule REACHABLE = c -> c.channel() == InvitationChannel.EMAIL
                    && (c.customer().customer().email() == null
                            || c.customer().customer().email().isBlank())
            ? Optional.of(SkipReason.NO_EMAIL)
            : Optional.empty();

    private static final Rule NOT_INVITED_RECENTLY =
            c -> c.invitedWithinGap() ? Optional.of(SkipReason.THROTTLED) : Optional.empty();

    private static final List<Rule> RULES = List.of(SURVEY_ACTIVE, CONSENTED, REACHABLE, NOT_INVITED_RECENTLY);

    private InvitationPolicy() {}

    static Decision decide(Candidate candidate) {
        return RULES.stream()
                .map(rule -> rule.objection(candidate))
                .flatMap(Optional::stream)
                .findFirst()
                .<Decision>map(Decision.Skip::new)
                .orElseGet(Decision.Invite::new);
    }
}
