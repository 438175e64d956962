package org.opencxm.cases.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.opencxm.cases.CaseId;
import org.opencxm.cases.internal.CaseConversation;
import org.opencxm.cases.internal.CasePromises;
import org.opencxm.platform.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The case page's conversation with the customer: answers by e-mail, and promises made and kept. */
@Controller
@RequestMapping("/cases")
class CaseConversationPages {

    private final CaseConversation conversation;
    private final CasePromises promises;
    private final CasePage page;

    CaseConversationPages(CaseConversation conversation, CasePromises promises, CasePage page) {
        this.conversation = conversation;
        this.promises = promises;
        this.page = page;
    }

    /** An answer to the customer by e-mail; left empty, the chosen template is sent as it is. */
    @PostMapping("/{id}/replies")
    @WorksCases
    String reply(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String template,
            @RequestParam(defaultValue = "false") boolean waitForCustomer,
            Model model,
            HttpServletResponse response) {
        var body = text.isBlank() ? template : text;
        model.addAttribute("replyText", body);
        return page.change(
                actor,
                id,
                model,
                response,
                () -> conversation.reply(actor.workspaceId(), new CaseId(id), body, waitForCustomer, actor));
    }

    @PostMapping("/{id}/promises")
    @WorksCases
    String promise(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String what,
            @RequestParam(defaultValue = "") String due,
            Model model,
            HttpServletResponse response) {
        return page.change(
                actor, id, model, response, () -> promises.make(actor.workspaceId(), new CaseId(id), what, due, actor));
    }

    @PostMapping("/{id}/promises/{promise}/kept")
    @WorksCases
    String kept(
            Actor actor, @PathVariable UUID id, @PathVariable UUID promise, Model model, HttpServletResponse response) {
        return page.change(actor, id, model, response, () -> {
            promises.keep(actor.workspaceId(), new CaseId(id), promise, actor);
            return null;
        });
    }
}
