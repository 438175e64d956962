package org.opencxm.platform.internal;

import java.util.List;
import java.util.Optional;

/**
 * Whether a "forgot password" request sends a link, as named rules checked in order. Whatever
 * they decide, the person on the page reads the same answer, so that the form cannot tell anyone
 * which addresses have an account.
 */
final class PasswordResetPolicy {

    /** Links one account may be sent within an hour: enough for a lost mail, too few to flood an inbox. */
    static final int LINKS_PER_HOUR = 3;

    /** What the rules need to know about the request. */
    record Request(boolean accountExists, boolean hasPassword, boolean mayWorkSomewhere, int linksSentLastHour) {}

    enum Reason {
        NO_ACCOUNT,
        NOT_ACTIVATED,
        NO_WORKSPACE,
        TOO_MANY_LINKS
    }

    sealed interface Decision {
        record Send() implements Decision {}

        record Silent(Reason reason) implements Decision {}
    }

    private interface Rule {
        Optional<Reason> objection(Request request);
    }

    private static final Rule KNOWN_ADDRESS =
            r -> r.accountExists() ? Optional.empty() : Optional.of(Reason.NO_ACCOUNT);

    /**
     * Someone invited who never chose a password has not accepted: a reset would open the
     * account to whoever reads that mailbox, past the invitation's expiry and the admin's choice
     * to hand over the link (and a mistyped address would let a stranger in).
     */
    private static final Rule ACTIVATED = r -> r.hasPassword() ? Optional.empty() : Optional.of(Reason.NOT_ACTIVATED);

    /** A person disabled everywhere (or whose workspaces are archived) would get a password for nothing. */
    private static final Rule MAY_SIGN_IN =
            r -> r.mayWorkSomewhere() ? Optional.empty() : Optional.of(Reason.NO_WORKSPACE);

    private static final Rule NOT_FLOODED =
            r -> r.linksSentLastHour() < LINKS_PER_HOUR ? Optional.empty() : Optional.of(Reason.TOO_MANY_LINKS);

    private static final List<Rule> RULES = List.of(KNOWN_ADDRESS, ACTIVATED, MAY_SIGN_IN, NOT_FLOODED);

    private PasswordResetPolicy() {}

    static Decision decide(Request request) {
        return RULES.stream()
                .map(rule -> rule.objection(request))
                .flatMap(Optional::stream)
                .findFirst()
                .<Decision>map(Decision.Silent::new)
                .orElseGet(Decision.Send::new);
    }
}
