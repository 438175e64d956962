package org.opencxm.platform.internal;

import jakarta.mail.MessagingException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The e-mail with a password reset link, in the person's language (HTML and plain text). Sent on
 * another thread, after the link is stored: the page answers as fast for an address with an
 * account as for one without, and a slow mail server keeps nobody waiting. A link that never
 * arrives is asked for again; it is never logged, nor is the address.
 */
@Component
class PasswordResetMail {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetMail.class);

    private final SpringTemplateEngine templates;
    private final MessageSource messages;
    private final ObjectProvider<JavaMailSender> senders;
    private final boolean configured;
    private final String publicUrl;
    private final String from;

    PasswordResetMail(
            SpringTemplateEngine templates,
            MessageSource messages,
            ObjectProvider<JavaMailSender> senders,
            @Value("${spring.mail.host:}") String host,
            @Value("${opencxm.public-url}") String publicUrl,
            @Value("${opencxm.mail.from}") String from) {
        this.templates = templates;
        this.messages = messages;
        this.senders = senders;
        this.configured = !host.isBlank();
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.from = from;
    }

    @Async
    public void send(String email, Locale locale, String token) {
        var sender = configured ? senders.getIfAvailable() : null;
        if (sender == null) {
            log.warn("A password reset link could not be sent: no SMTP server is configured (OPENCXM_SMTP_HOST)");
            return;
        }
        var link = publicUrl + "/password/reset/" + token;
        var minutes = PasswordResets.VALIDITY.toMinutes();
        var context = new Context(locale);
        context.setVariable("link", link);
        context.setVariable("minutes", minutes);
        try {
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(email);
            helper.setSubject(messages.getMessage("mail.passwordReset.subject", null, locale));
            helper.setText(
                    plainText(locale, link, minutes), templates.process("platform/mail/password-reset", context));
            sender.send(message);
        } catch (MessagingException | MailException e) {
            log.warn("A password reset link could not be sent: {}", e.getClass().getSimpleName());
        }
    }

    private String plainText(Locale locale, String link, long minutes) {
        return messages.getMessage("mail.greeting", null, locale) + "\n\n"
                + messages.getMessage("mail.passwordReset.intro", null, locale) + "\n\n"
                + messages.getMessage("mail.passwordReset.action", null, locale) + ": " + link + "\n\n"
                + messages.getMessage("mail.passwordReset.validity", new Object[] {minutes}, locale) + "\n\n"
                + messages.getMessage("mail.passwordReset.notYou", null, locale) + "\n";
    }
}
