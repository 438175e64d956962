package org.opencxm.cases.internal;

import java.util.List;
import java.util.Locale;
import org.opencxm.customers.CustomerProfile;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.Workspaces;
import org.springframework.stereotype.Component;

/**
 * The answers agents start from (a question back, a status, the solution, an apology), in the
 * customer's language, whatever the agent's: their text is edited before it goes out.
 */
@Component
public class ReplyTemplates {

    static final List<String> NAMES = List.of("question", "update", "solved", "apology");

    /** @param name names the template in the agent's language ({@code case.reply.template.<name>}) */
    public record Template(String name, String text) {}

    private final CaseLetters letters;
    private final Workspaces workspaces;

    ReplyTemplates(CaseLetters letters, Workspaces workspaces) {
        this.letters = letters;
        this.workspaces = workspaces;
    }

    /** The language the customer is written to in: theirs, else the workspace's. */
    public Locale language(WorkspaceId workspace, CustomerProfile customer) {
        return CustomerMail.locale(customer, workspaces.get(workspace).defaultLocale());
    }

    /** The answers in the workspace's wording, else OpenCXM's. */
    public List<Template> in(WorkspaceId workspace, Locale language) {
        return NAMES.stream()
                .map(name -> new Template(name, letters.text(workspace, "mail.case.template." + name, language)))
                .toList();
    }
}
