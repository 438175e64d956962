package org.opencxm.cases.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.opencxm.cases.CaseEntry;
import org.opencxm.cases.CaseId;
import org.opencxm.cases.CaseSource;
import org.opencxm.cases.CaseStatus;
import org.opencxm.cases.CaseView;
import org.opencxm.cases.Cases;
import org.opencxm.cases.Severity;
import org.opencxm.customers.Customers;
import org.opencxm.customers.IdentityKind;
import org.opencxm.platform.Actor;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.Ids;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.Secrets;
import org.opencxm.touchpoints.Interactions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The conversation with the customer on a case: an agent's answer, sent as e-mail with the
 * case's reply address, and what comes back from the support mailbox. A reply lands on its
 * case and brings it back to work when it waited for the customer or was resolved; a mail
 * without a reply token opens a case for its sender.
 */
@Service
public class CaseConversation {

    static final int TEXT_LENGTH = 10_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What became of a mail from the mailbox. */
    public sealed interface Received permits Landed, Opened, Later, Ignored {}

    /** It landed on an existing case. */
    public record Landed(CaseId caseId) implements Received {}

    /** It opened a new case. */
    public record Opened(CaseId caseId) implements Received {}

    /** Its sender was unknown and is being identified: the mail is read again next round. */
    public record Later() implements Received {}

    /** Read before, automatic, ours, or for a case or workspace that is not there. */
    public record Ignored(String why) implements Received {}

    private final Cases cases;
    private final CaseChanges changes;
    private final CaseStore store;
    private final CaseEntryStore entries;
    private final CustomerMail mail;
    private final CaseTimeline timeline;
    private final Customers customers;
    private final Interactions interactions;
    private final CaseRules rules;
    private final Clock clock;

    CaseConversation(
            Cases cases,
            CaseChanges changes,
            CaseStore store,
            CaseEntryStore entries,
            CustomerMail mail,
            CaseTimeline timeline,
            Customers customers,
            Interactions interactions,
            CaseRules rules,
            Clock clock) {
        this.rules = rules;
        this.cases = cases;
        this.changes = changes;
        this.store = store;
        this.entries = entries;
        this.mail = mail;
        this.timeline = timeline;
        this.customers = customers;
        this.interactions = interactions;
        this.clock = clock;
    }

    /**
     * An agent answers the customer by e-mail; with {@code waitForCustomer} the case then waits
     * for their reply (its clock stops), else a new or acknowledged case is in progress now.
     *
     * @throws InvalidInputException for an empty or overlong text, or when the letter could not go out
     */
    @Transactional
    public CaseView reply(WorkspaceId workspace, CaseId id, String text, boolean waitForCustomer, Actor by) {
        var body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > TEXT_LENGTH) {
            throw new InvalidInputException("text", "case.invalid.reply");
        }
        // the move first, the letter last: a letter that went out is never rolled back by a refused move
        var current = changes.current(workspace, id);
        var status = current.view().status();
        var next = waitForCustomer
                ? CaseStatus.WAITING_FOR_CUSTOMER
                : status == CaseStatus.NEW || status == CaseStatus.ACKNOWLEDGED ? CaseStatus.IN_PROGRESS : null;
        var supportCase = next != null && CaseTransitions.next(status).contains(next)
                ? changes.save(workspace, current, current.move(next, by.name(), clock.instant()), by.userId())
                : current.view();
        var outcome = mail.send(
                workspace,
                supportCase,
                "reply-" + Ids.next(),
                (locale, ws) -> new CustomerMail.Letter(
                        mail.text(ws, "mail.case.reply.subject", locale, supportCase.number(), ws.name()),
                        List.of(body.split("\\R\\s*\\R")),
                        CustomerMail.Letter.NONE),
                by.name(),
                by.userId());
        switch (outcome) {
            case NO_ADDRESS -> throw new InvalidInputException("text", "case.invalid.replyNoAddress");
            case NO_SERVER -> throw new InvalidInputException("text", "case.invalid.replyNoServer");
            case REFUSED -> throw new InvalidInputException("text", "case.invalid.replyRefused");
            default -> {}
        }
        return cases.get(workspace, id);
    }

    /** Takes in a mail from the support mailbox, for the workspace new mails open cases in. */
    @Transactional
    public Received receive(WorkspaceId supportWorkspace, InboundMail mail, boolean ours) {
        if (mail.automatic() || ours) {
            return new Ignored(mail.automatic() ? "automatic" : "ours");
        }
        var token = ReplyAddress.token(mail.recipients());
        if (token.isPresent()) {
            var due = store.byReplyToken(token.get()).orElse(null);
            return due == null ? new Ignored("unknown token") : land(due.workspace(), due.id(), mail);
        }
        if (entries.hasMessage(supportWorkspace, mail.messageId())) {
            return new Ignored("read before");
        }
        var holder = customers
                .holders(supportWorkspace, IdentityKind.EMAIL, List.of(mail.from()))
                .get(mail.from());
        if (holder == null) {
            identify(supportWorkspace, mail);
            return new Later();
        }
        var subject = mail.subject().isBlank() ? mail.from() : mail.subject();
        var opened = cases.raise(
                supportWorkspace,
                holder,
                subject,
                rules.categories(supportWorkspace).guess(mail.subject()),
                Severity.MEDIUM,
                CaseSource.EMAIL,
                mail.messageId(),
                null);
        if (opened.isEmpty()) {
            return new Ignored("read before");
        }
        note(supportWorkspace, opened.get(), mail);
        return new Opened(opened.get().id());
    }

    /**
     * A stranger wrote: they get a profile as if the collection API had seen them, by their
     * address (no consent: writing to support is not agreeing to marketing).
     */
    private void identify(WorkspaceId workspace, InboundMail mail) {
        var message = JSON.createObjectNode()
                .put("type", "identify")
                .put("messageId", "mailbox-" + Secrets.hash(mail.messageId()).substring(0, 32))
                .put("anonymousId", "mail-" + Secrets.hash(mail.from()).substring(0, 24));
        var traits = message.putObject("traits").put("email", mail.from());
        if (mail.fromName() != null && !mail.fromName().isBlank()) {
            traits.put("name", mail.fromName().strip());
        }
        var batch = JSON.createObjectNode();
        batch.putArray("batch").add(message);
        interactions.collect(workspace, batch.toString());
    }

    private Received land(WorkspaceId workspace, CaseId id, InboundMail mail) {
        var supportCase = cases.get(workspace, id);
        if (!note(workspace, supportCase, mail)) {
            return new Ignored("read before");
        }
        // only the customer's own address brings the case back to work: a forwarded letter or a
        // third party in copy adds to the case, nothing more
        var own = customers
                .profile(workspace, supportCase.customerId())
                .customer()
                .email();
        var current = changes.current(workspace, id);
        var status = current.view().status();
        if (own != null
                && own.equalsIgnoreCase(mail.from())
                && (status == CaseStatus.WAITING_FOR_CUSTOMER || !status.open())) {
            changes.save(workspace, current, current.move(CaseStatus.IN_PROGRESS, author(mail), clock.instant()), null);
        }
        return new Landed(id);
    }

    /** Writes the mail on the case; {@code false} if it is there already. */
    private boolean note(WorkspaceId workspace, CaseView supportCase, InboundMail mail) {
        var at = clock.instant();
        var text = mail.text().isBlank() ? mail.subject() : mail.text();
        var written = entries.append(
                workspace,
                supportCase.id(),
                new CaseEntry(CaseEntry.Kind.REPLY, text, null, null, author(mail), at),
                null,
                mail.messageId());
        if (written) {
            timeline.record(
                    workspace,
                    supportCase,
                    CaseTimeline.RECEIVED,
                    "mail-" + Integer.toHexString(mail.messageId().hashCode()),
                    at);
        }
        return written;
    }

    private static String author(InboundMail mail) {
        return mail.fromName() == null || mail.fromName().isBlank()
                ? mail.from()
                : mail.fromName().strip().toLowerCase(Locale.ROOT).equals(mail.from())
                        ? mail.from()
                        : mail.fromName().strip();
    }
}
