package org.opencxm.platform.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An invitation. For a new person, the token is shown once to the inviting admin (only its hash
 * is stored) and leads to choosing a password; someone who already has an account is simply
 * added, and the invitation has neither token nor link.
 */
public record UserInvitation(
        UserAccount user, @Nullable String token, @Nullable Instant expiresAt) {

    static UserInvitation added(UserAccount user) {
        return new UserInvitation(user, null, null);
    }

    /** Whether the person already had an account and was added without a link. */
    public boolean added() {
        return token == null;
    }

    public @Nullable String path() {
        return token == null ? null : "/invitation/" + token;
    }
}
