package org.opencxm.cases.internal;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.util.Comparator;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.Workspace;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the support mailbox over IMAP: every unread mail lands on its case or opens one, and is
 * marked read once it did; a mail whose sender is being identified stays unread for the next
 * round. Run by a durable job, so one node reads the mailbox at a time; a mail read twice (a
 * crash before it was marked) lands once, by its Message-ID. Off while no IMAP host is set.
 */
@Component
public class CaseMailbox {

    private static final Logger log = LoggerFactory.getLogger(CaseMailbox.class);

    /** The keyword of a mail whose sender is being identified, so that it is read once more, not forever. */
    static final String IDENTIFYING = "OpenCXM-Identifying";

    private final CaseConversation conversation;
    private final ReplyAddress replies;
    private final Workspaces workspaces;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final boolean ssl;
    private final String workspace;

    CaseMailbox(
            CaseConversation conversation,
            ReplyAddress replies,
            Workspaces workspaces,
            @Value("${opencxm.cases.mailbox.host:}") String host,
            @Value("${opencxm.cases.mailbox.port:993}") int port,
            @Value("${opencxm.cases.mailbox.username:}") String username,
            @Value("${opencxm.cases.mailbox.password:}") String password,
            @Value("${opencxm.cases.mailbox.ssl:true}") boolean ssl,
            @Value("${opencxm.cases.mailbox.workspace:}") String workspace) {
        this.conversation = conversation;
        this.replies = replies;
        this.workspaces = workspaces;
        this.host = host.strip();
        this.port = port;
        this.username = username;
        this.password = password;
        this.ssl = ssl;
        this.workspace = workspace.strip();
    }

    /** Reads the unread mails once; returns how many landed on or opened a case. */
    public int poll() {
        if (host.isEmpty()) {
            return 0;
        }
        var target = supportWorkspace();
        return target == null ? 0 : poll(target);
    }

    /** Reads the unread mails once, opening cases in {@code target} for mails that answer none. */
    public int poll(WorkspaceId target) {
        var properties = new Properties();
        var protocol = ssl ? "imaps" : "imap";
        properties.put("mail.store.protocol", protocol);
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "20000");
        // without SSL, the password is still not sent in the clear where the server offers STARTTLS
        properties.put("mail.imap.starttls.enable", "true");
        int taken = 0;
        try (var store = Session.getInstance(properties).getStore(protocol)) {
            store.connect(host, port, username, password);
            var inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                for (var message : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    taken += take(target, (MimeMessage) message) ? 1 : 0;
                }
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException e) {
            log.warn("The support mailbox could not be read: {}", e.getClass().getSimpleName());
        }
        return taken;
    }

    private boolean take(WorkspaceId target, MimeMessage message) throws MessagingException {
        CaseConversation.Received received;
        try {
            var mail = InboundMail.of(message);
            received = mail == null
                    ? new CaseConversation.Ignored("no sender")
                    : conversation.receive(target, mail, replies.ours(mail.from()));
        } catch (IOException | RuntimeException e) {
            // one unreadable mail must not stop the others, nor be tried every round: it is flagged for a person
            log.warn(
                    "A mail of the support mailbox could not be taken in: {}",
                    e.getClass().getSimpleName());
            forAPerson(message);
            return false;
        }
        if (received instanceof CaseConversation.Later) {
            if (message.getFlags().contains(IDENTIFYING)) {
                // identified last round and still nobody: not for the machine to guess
                log.info("A mail of the support mailbox waits for a person: its sender could not be identified");
                forAPerson(message);
                return false;
            }
            // reading a mail's text marks it read; this one is read again next round
            message.setFlags(new Flags(IDENTIFYING), true);
            message.setFlag(Flags.Flag.SEEN, false);
            return false;
        }
        message.setFlag(Flags.Flag.SEEN, true);
        return received instanceof CaseConversation.Landed || received instanceof CaseConversation.Opened;
    }

    /** Read, and flagged for whoever looks into the mailbox. */
    private static void forAPerson(MimeMessage message) throws MessagingException {
        message.setFlag(Flags.Flag.SEEN, true);
        message.setFlag(Flags.Flag.FLAGGED, true);
    }

    /** The workspace whose support address this is: the one configured, else the oldest that is not a demo. */
    private @Nullable WorkspaceId supportWorkspace() {
        var all = workspaces.all();
        if (!workspace.isEmpty()) {
            return all.stream()
                    .filter(w -> w.id().value().toString().equals(workspace)
                            || w.name().equals(workspace))
                    .map(Workspace::id)
                    .findFirst()
                    .orElse(null);
        }
        return all.stream()
                .filter(w -> !w.demo() && !w.archived())
                .min(Comparator.comparing(Workspace::createdAt))
                .map(Workspace::id)
                .orElse(null);
    }
}
