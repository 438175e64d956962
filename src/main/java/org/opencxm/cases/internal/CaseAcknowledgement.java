package org.opencxm.cases.internal;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.opencxm.cases.CaseEntry;
import org.opencxm.cases.CaseOpened;
import org.opencxm.cases.CaseView;
import org.opencxm.customers.CustomerProfile;
import org.opencxm.customers.Customers;
import org.opencxm.platform.Language;
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
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The e-mail that tells the customer, within seconds of the case, that we have it and by when we
 * expect to have solved it: the resolution due date in working time, in the customer's language
 * (their {@code language} trait, else the workspace's) and the workspace's time zone. Sent once
 * per case and written on it. Without an address or a mail server nothing is sent; the log says
 * which, never to whom.
 */
@Component
class CaseAcknowledgement {

    private static final Logger log = LoggerFactory.getLogger(CaseAcknowledgement.class);

    private final CaseStore cases;
    private final CaseEntryStore entries;
    private final Customers customers;
    private final Workspaces workspaces;
    private final SpringTemplateEngine templates;
    private final MessageSource messages;
    private final ObjectProvider<JavaMailSender> senders;
    private final boolean configured;
    private final String from;
    private final Clock clock;

    CaseAcknowledgement(
            CaseStore cases,
            CaseEntryStore entries,
            Customers customers,
            Workspaces workspaces,
            SpringTemplateEngine templates,
            MessageSource messages,
            ObjectProvider<JavaMailSender> senders,
            @Value("${spring.mail.host:}") String host,
            @Value("${opencxm.mail.from}") String from,
            Clock clock) {
        this.cases = cases;
        this.entries = entries;
        this.customers = customers;
        this.workspaces = workspaces;
        this.templates = templates;
        this.messages = messages;
        this.senders = senders;
        this.configured = !host.isBlank();
        this.from = from;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CaseOpened opened) {
        var workspace = workspaces.get(opened.workspaceId());
        var supportCase = cases.find(workspace.id(), opened.caseId()).orElse(null);
        if (supportCase == null || written(workspace.id(), supportCase)) {
            return;
        }
        var profile = customers.profile(workspace.id(), opened.customerId());
        var email = profile.customer().email();
        var sender = configured ? senders.getIfAvailable() : null;
        if (email == null || sender == null) {
            log.info(
                    "Case {} was not acknowledged by e-mail: {}",
                    opened.number(),
                    email == null ? "no address" : "no SMTP server is configured (OPENCXM_SMTP_HOST)");
            return;
        }
        var locale = locale(profile, workspace.defaultLocale());
        var due = due(java.util.Objects.requireNonNull(supportCase.resolutionDue()), workspace.timeZone(), locale);
        var context = new Context(locale);
        context.setVariable("number", supportCase.number());
        context.setVariable("due", due);
        context.setVariable("company", workspace.name());
        var text = plainText(locale, supportCase.number(), due, workspace.name());
        try {
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(email);
            helper.setSubject(messages.getMessage(
                    "mail.case.subject", new Object[] {supportCase.number(), workspace.name()}, locale));
            helper.setText(text, templates.process("cases/mail/acknowledgement", context));
            sender.send(message);
        } catch (MessagingException | MailException e) {
            log.warn(
                    "Case {} could not be acknowledged by e-mail: {}",
                    opened.number(),
                    e.getClass().getSimpleName());
            return;
        }
        entries.append(
                workspace.id(),
                supportCase.id(),
                new CaseEntry(CaseEntry.Kind.MESSAGE, text, null, "acknowledgement", null, clock.instant()),
                null);
    }

    private boolean written(WorkspaceId workspace, CaseView supportCase) {
        return entries.of(workspace, supportCase.id()).stream()
                .anyMatch(entry -> entry.kind() == CaseEntry.Kind.MESSAGE);
    }

    private String plainText(Locale locale, long number, String due, String company) {
        return messages.getMessage("mail.greeting", null, locale) + "\n\n"
                + messages.getMessage("mail.case.intro", new Object[] {number}, locale) + "\n\n"
                + messages.getMessage("mail.case.due", new Object[] {due}, locale) + "\n\n"
                + messages.getMessage("mail.case.reference", new Object[] {number}, locale) + "\n\n"
                + messages.getMessage("mail.case.thanks", new Object[] {company}, locale) + "\n";
    }

    /** The due date as the customer reads it: "Freitag, 4. Dezember 2026, 17:00 Uhr". */
    private String due(Instant at, ZoneId zone, Locale locale) {
        var local = at.atZone(zone);
        var day = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                .withLocale(locale)
                .format(local);
        var time = DateTimeFormatter.ofPattern("HH:mm", locale).format(local);
        return messages.getMessage("mail.case.at", new Object[] {day, time}, locale);
    }

    /** The customer's language trait, read by its first two letters, else the workspace's. */
    static Locale locale(CustomerProfile profile, Locale fallback) {
        for (var trait : List.of("language", "locale")) {
            if (profile.traits().get(trait) instanceof String text) {
                var language = Language.parse(text.length() > 2 ? text.substring(0, 2) : text);
                if (language.isPresent()) {
                    return Locale.forLanguageTag(language.get().tag());
                }
            }
        }
        return fallback;
    }
}
