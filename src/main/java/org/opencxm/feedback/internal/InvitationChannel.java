package org.opencxm.feedback.internal;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.ConsentChannel;

/** How an invitation reaches the customer: a personal link handed out by the caller, or our e-mail. */
public enum InvitationChannel {
    LINK(null),
    EMAIL(ConsentChannel.EMAIL);

    private final @Nullable ConsentChannel consent;

    InvitationChannel(@Nullable ConsentChannel consent) {
        this.consent = consent;
    }

    /** The consent the customer must have given for this channel; none for links the caller hands out. */
    public @Nullable ConsentChannel consent() {
        return consent;
    }
}
