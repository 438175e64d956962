package org.opencxm.platform.security;

import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The browser sessions of one person, wherever they were started. A new password ends all of
 * them but the one that set it: whoever knew the old password is signed out everywhere.
 */
@Component
public class AccountSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session signed in with this e-mail, except {@code keep} (a session id, or null for none). */
    public void endAll(String email, @Nullable String keep) {
        for (var id : sessions.findByPrincipalName(email).keySet()) {
            if (!id.equals(keep)) {
                sessions.deleteById(id);
            }
        }
    }
}
