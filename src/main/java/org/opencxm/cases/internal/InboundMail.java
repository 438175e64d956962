package org.opencxm.cases.internal;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A mail read from the support mailbox, as cases need it: who sent it to which addresses, its
 * subject, and what the sender wrote, without the quoted letter below it.
 *
 * @param automatic an auto-reply, bounce or list mail: answering it would start a loop
 */
public record InboundMail(
        String messageId,
        String from,
        @Nullable String fromName,
        List<String> recipients,
        String subject,
        String text,
        boolean automatic) {

    static final int TEXT_LENGTH = 10_000;

    /** Where the quoted earlier letter starts: "Am … schrieb …:", "On … wrote:", "-----Original Message-----". */
    private static final Pattern QUOTE_START = Pattern.compile(
            "(?m)^(>|Am .{4,120} schrieb .{1,120}:\\s*$|On .{4,120} wrote:\\s*$|-{2,} ?(Original Message|Ursprüngliche Nachricht) ?-{2,})");

    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    static @Nullable InboundMail of(MimeMessage message) throws MessagingException, IOException {
        var senders = message.getFrom();
        if (senders == null
                || senders.length == 0
                || !(senders[0] instanceof InternetAddress sender)
                || sender.getAddress() == null) {
            return null;
        }
        var recipients = new ArrayList<String>();
        for (var kind : new String[] {"To", "Cc", "Delivered-To", "X-Original-To"}) {
            var values = message.getHeader(kind);
            if (values != null) {
                recipients.addAll(List.of(values));
            }
        }
        for (Address address : message.getAllRecipients() == null ? new Address[0] : message.getAllRecipients()) {
            recipients.add(address.toString());
        }
        var id = message.getMessageID();
        var subject = message.getSubject();
        return new InboundMail(
                id == null ? "no-id-" + message.getSentDate() + "-" + sender.getAddress() : id,
                sender.getAddress().toLowerCase(Locale.ROOT),
                sender.getPersonal(),
                recipients,
                subject == null ? "" : subject.strip(),
                ownWords(text(message)),
                automatic(message, sender.getAddress()));
    }

    /** What the sender wrote above the letter they answer, at most 10,000 characters. */
    static String ownWords(String text) {
        var matcher = QUOTE_START.matcher(text);
        var own = (matcher.find() ? text.substring(0, matcher.start()) : text).strip();
        return own.length() > TEXT_LENGTH ? own.substring(0, TEXT_LENGTH) : own;
    }

    private static boolean automatic(MimeMessage message, String sender) throws MessagingException {
        var submitted = message.getHeader("Auto-Submitted", null);
        var precedence = message.getHeader("Precedence", null);
        var local = sender.toLowerCase(Locale.ROOT);
        return (submitted != null && !submitted.strip().equalsIgnoreCase("no"))
                || (precedence != null
                        && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list|auto_reply"))
                || message.getHeader("List-Id") != null
                || local.startsWith("mailer-daemon@")
                || local.startsWith("postmaster@")
                || local.startsWith("noreply@")
                || local.startsWith("no-reply@");
    }

    /** The plain text part, else the HTML part without its tags. */
    private static String text(Part part) throws MessagingException, IOException {
        var plain = find(part, "text/plain");
        if (plain != null) {
            return plain;
        }
        var html = find(part, "text/html");
        return html == null
                ? ""
                : TAG.matcher(html.replaceAll("(?i)<br\\s*/?>|</p>", "\n")).replaceAll("");
    }

    private static @Nullable String find(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var found = find(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
