package org.opencxm.platform.internal;

import java.time.Instant;

/**
 * An invitation. The token is shown once to the inviting admin (only its hash is stored); it
 * leads a new person to choosing a password, and someone with an account to accepting it while
 * signed in.
 */
public record UserInvitation(UserAccount user, String token, Instant expiresAt) {

    public String path() {
        return "/invitation/" + token;
    }
}
