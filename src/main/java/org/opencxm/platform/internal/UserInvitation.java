package org.opencxm.platform.internal;

import java.time.Instant;

/**
 * A pending invitation. The token is shown once to the inviting admin (and mailed to the
 * user when mail is configured); only its hash is stored.
 */
public record UserInvitation(UserAccount user, String token, Instant expiresAt) {

    public String path() {
        return "/invitation/" + token;
    }
}
