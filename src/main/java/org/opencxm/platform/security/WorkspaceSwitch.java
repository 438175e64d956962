package org.opencxm.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.opencxm.platform.Actor;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.NotFoundException;
import org.opencxm.platform.internal.AccountStore;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Moves a browser session into another workspace of the same person: from the next request on,
 * every page, query and job it starts acts there, with the role the person has there. Sign-in
 * returns to it next time.
 */
@Component
public class WorkspaceSwitch {

    private final LoginAccounts accounts;
    private final AccountStore store;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    WorkspaceSwitch(LoginAccounts accounts, AccountStore store) {
        this.accounts = accounts;
        this.store = store;
    }

    /**
     * @throws NotFoundException unless the person may work in that workspace now (a member,
     *     enabled, not archived): the same answer as for a workspace that does not exist
     */
    public void enter(Actor actor, WorkspaceId workspace, HttpServletRequest request, HttpServletResponse response) {
        if (actor.userId() == null) {
            throw new NotFoundException("workspace", workspace);
        }
        var user = accounts.load(workspace, actor.userId())
                .orElseThrow(() -> new NotFoundException("workspace", workspace));
        user.eraseCredentials();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
        store.rememberWorkspace(actor.userId(), workspace);
    }
}
