package org.opencxm.feedback.internal;

import jakarta.mail.MessagingException;
import java.util.Locale;
import org.opencxm.platform.Workspaces;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Writes one invitation or reminder e-mail in the customer's language (HTML and plain text),
 * with the personal link and a one-click unsubscribe link (RFC 8058) that withdraws the
 * customer's e-mail consent.
 */
@Component
class InvitationMail {

    private final SpringTemplateEngine templates;
    private final MessageSource messages;
    private final Workspaces workspaces;
    private final String publicUrl;
    private final String from;

    InvitationMail(
            SpringTemplateEngine templates,
            MessageSource messages,
            Workspaces workspaces,
            @Value("${opencxm.public-url}") String publicUrl,
            @Value("${opencxm.mail.from}") String from) {
        this.templates = templates;
        this.messages = messages;
        this.workspaces = workspaces;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.from = from;
    }

    private String plainText(Locale locale, String company, String link, String unsubscribe, boolean reminder) {
        var intro = messages.getMessage(
                reminder ? "mail.reminder.intro" : "mail.invitation.intro", new Object[] {company}, locale);
        return messages.getMessage("mail.greeting", null, locale) + "\n\n" + intro + "\n\n"
                + messages.getMessage("mail.invitation.action", null, locale) + ": " + link + "\n\n"
                + messages.getMessage("mail.invitation.thanks", new Object[] {company}, locale) + "\n\n-- \n"
                + messages.getMessage("mail.unsubscribe", null, locale) + ": " + unsubscribe + "\n";
    }

    void send(JavaMailSender sender, SurveyInvitation invitation, Survey survey, String token, boolean reminder) {
        var locale = Locale.forLanguageTag(invitation.language());
        var company = workspaces.get(invitation.workspaceId()).name();
        var link = publicUrl + "/i/" + token;
        var unsubscribe = link + "/unsubscribe";
        var context = new Context(locale);
        context.setVariable("company", company);
        context.setVariable("link", link + "?lang=" + invitation.language());
        context.setVariable("unsubscribe", unsubscribe + "?lang=" + invitation.language());
        context.setVariable("reminder", reminder);
        context.setVariable(
                "question",
                survey.definition()
                        .headline()
                        .map(q -> q.text().in(invitation.language(), survey.defaultLanguage()))
                        .orElse(null));
        context.setVariable("expiresAt", invitation.expiresAt());
        var subject = messages.getMessage(
                reminder ? "mail.reminder.subject" : "mail.invitation.subject", new Object[] {company}, locale);
        try {
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(invitation.email());
            helper.setSubject(subject);
            helper.setText(
                    plainText(locale, company, link, unsubscribe, reminder),
                    templates.process("feedback/mail/invitation", context));
            message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            sender.send(message);
        } catch (MessagingException e) {
            throw new MailSendException("could not build the invitation e-mail", e);
        }
    }
}
