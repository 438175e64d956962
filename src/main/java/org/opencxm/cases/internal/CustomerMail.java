package org.opencxm.cases.internal;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.CaseEntry;
import org.opencxm.cases.CaseView;
import org.opencxm.customers.CustomerProfile;
import org.opencxm.customers.Customers;
import org.opencxm.platform.UserId;
import org.opencxm.platform.Workspace;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Writes to a case's customer: one letter per occasion, in their language (their {@code language}
 * trait, else the workspace's), as HTML and plain text, written on the case with its text; the
 * silence rule counts from it. Without an address or a mail server nothing is sent; the log says
 * which, never to whom. Colleagues are told of deadlines the same way, without an entry.
 */
@Component
class CustomerMail {

    /**
     * What the letter says, already in the customer's language; the one {@code emphasized}
     * paragraph is bold ({@link #NONE}: none is).
     */
    record Letter(String subject, List<String> paragraphs, int emphasized) {
        static final int NONE = -2;
    }

    private static final Logger log = LoggerFactory.getLogger(CustomerMail.class);

    private final CaseEntryStore entries;
    private final CaseStore cases;
    private final ReplyAddress replies;
    private final CaseTimeline timeline;
    private final Customers customers;
    private final Workspaces workspaces;
    private final SpringTemplateEngine templates;
    private final MessageSource messages;
    private final CaseLetters letters;
    private final ObjectProvider<JavaMailSender> senders;
    private final boolean configured;
    private final String from;
    private final String publicUrl;
    private final Clock clock;

    CustomerMail(
            CaseEntryStore entries,
            CaseStore cases,
            ReplyAddress replies,
            CaseTimeline timeline,
            Customers customers,
            Workspaces workspaces,
            SpringTemplateEngine templates,
            MessageSource messages,
            CaseLetters letters,
            ObjectProvider<JavaMailSender> senders,
            @Value("${spring.mail.host:}") String host,
            @Value("${opencxm.mail.from}") String from,
            @Value("${opencxm.public-url}") String publicUrl,
            Clock clock) {
        this.entries = entries;
        this.cases = cases;
        this.replies = replies;
        this.timeline = timeline;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.customers = customers;
        this.workspaces = workspaces;
        this.templates = templates;
        this.messages = messages;
        this.letters = letters;
        this.senders = senders;
        this.configured = !host.isBlank();
        this.from = from;
        this.clock = clock;
    }

    /** How sending a letter went. */
    enum Outcome {
        SENT,
        /** The case has this occasion's letter already. */
        SENT_BEFORE,
        NO_ADDRESS,
        NO_SERVER,
        REFUSED
    }

    /**
     * Sends the letter for this occasion unless the case has it already.
     *
     * @param occasion names the letter on the case ({@code acknowledgement}, {@code resolved-0} …)
     */
    Outcome send(
            WorkspaceId workspaceId,
            CaseView supportCase,
            String occasion,
            BiFunction<Locale, Workspace, Letter> letter) {
        return send(workspaceId, supportCase, occasion, letter, null, null);
    }

    /** Sends the letter as the agent who wrote it, who is named on the case's entry. */
    Outcome send(
            WorkspaceId workspaceId,
            CaseView supportCase,
            String occasion,
            BiFunction<Locale, Workspace, Letter> letter,
            @Nullable String author,
            @Nullable UserId authorId) {
        if (entries.of(workspaceId, supportCase.id()).stream()
                .anyMatch(e -> e.kind() == CaseEntry.Kind.MESSAGE && occasion.equals(e.to()))) {
            return Outcome.SENT_BEFORE;
        }
        var workspace = workspaces.get(workspaceId);
        var profile = customers.profile(workspaceId, supportCase.customerId());
        var email = profile.customer().email();
        var sender = configured ? senders.getIfAvailable() : null;
        if (email == null || sender == null) {
            log.info(
                    "Case {} got no {} e-mail: {}",
                    supportCase.number(),
                    occasion,
                    email == null ? "no address" : "no SMTP server is configured (OPENCXM_SMTP_HOST)");
            return email == null ? Outcome.NO_ADDRESS : Outcome.NO_SERVER;
        }
        var locale = locale(profile, workspace.defaultLocale());
        var written = letter.apply(locale, workspace);
        var greeting = messages.getMessage("mail.greeting", null, locale);
        var closing = letters.text(workspaceId, "mail.case.thanks", locale, workspace.name());
        var replyTo = replies.forCase(cases.replyToken(workspaceId, supportCase.id()));
        var text = deliver(sender, email, replyTo, locale, written, greeting, closing);
        if (text == null) {
            log.warn("Case {} got no {} e-mail: the SMTP server refused it", supportCase.number(), occasion);
            return Outcome.REFUSED;
        }
        var at = clock.instant();
        entries.append(
                workspaceId,
                supportCase.id(),
                new CaseEntry(CaseEntry.Kind.MESSAGE, text, null, occasion, author, at),
                authorId);
        cases.updated(workspaceId, supportCase.id(), at);
        try {
            timeline.record(workspaceId, supportCase, CaseTimeline.SENT, occasion, at);
        } catch (RuntimeException e) {
            // the letter went out and is on the case: the timeline's line is not worth sending it twice
            log.warn(
                    "Case {}: the letter is not on the customer's timeline: {}",
                    supportCase.number(),
                    e.getClass().getSimpleName());
        }
        return Outcome.SENT;
    }

    /**
     * Tells a colleague of something on a case, in their language, with the link to it; nothing
     * is written on the case. Without a mail server, nobody is told by e-mail: the case and the
     * queue still show it.
     */
    void tell(Workspaces.Colleague colleague, CaseView supportCase, Letter letter) {
        var sender = configured ? senders.getIfAvailable() : null;
        if (sender == null) {
            return;
        }
        var locale = colleague.locale();
        var greeting = messages.getMessage("mail.colleague.greeting", new Object[] {colleague.name()}, locale);
        var link = publicUrl + "/cases/" + supportCase.id().value();
        var closing = messages.getMessage("mail.colleague.link", new Object[] {link}, locale);
        if (deliver(sender, colleague.email(), null, locale, letter, greeting, closing) == null) {
            log.warn("A notice of case {} could not be sent", supportCase.number());
        }
    }

    /** Sends the letter as text and HTML; its text, or {@code null} if the server refused it. */
    private @Nullable String deliver(
            JavaMailSender sender,
            String email,
            @Nullable String replyTo,
            Locale locale,
            Letter written,
            String greeting,
            String closing) {
        var paragraphs = new ArrayList<String>();
        paragraphs.add(greeting);
        paragraphs.addAll(written.paragraphs());
        paragraphs.add(closing);
        var text = String.join("\n\n", paragraphs) + "\n";
        var context = new Context(locale);
        context.setVariable("subject", written.subject());
        context.setVariable("paragraphs", paragraphs);
        // the greeting comes first, so the emphasized paragraph is one further down
        context.setVariable("emphasized", written.emphasized() + 1);
        try {
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(email);
            if (replyTo != null) {
                helper.setReplyTo(replyTo);
            }
            helper.setSubject(written.subject());
            helper.setText(text, templates.process("cases/mail/letter", context));
            sender.send(message);
            return text;
        } catch (MessagingException | MailException e) {
            log.debug("Mail refused: {}", e.getClass().getSimpleName());
            return null;
        }
    }

    /** A moment as the customer reads it: "Freitag, 4. Dezember 2026, 17:00 Uhr". */
    String moment(Instant at, ZoneId zone, Locale locale) {
        var local = at.atZone(zone);
        var day = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                .withLocale(locale)
                .format(local);
        var time = DateTimeFormatter.ofPattern("HH:mm", locale).format(local);
        return messages.getMessage("mail.case.at", new Object[] {day, time}, locale);
    }

    String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** A part of a customer's letter, in the workspace's wording if it has its own ({@link CaseLetters}). */
    String text(Workspace workspace, String key, Locale locale, Object... arguments) {
        return letters.text(workspace.id(), key, locale, arguments);
    }

    /** The customer's language trait, else the workspace's. */
    static Locale locale(CustomerProfile profile, Locale fallback) {
        return profile.language().map(l -> Locale.forLanguageTag(l.tag())).orElse(fallback);
    }
}
