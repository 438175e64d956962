package org.opencxm.cases.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address customers reply to: the support mailbox's, plus-addressed with the case's reply
 * token ({@code support+c-<token>@firma.de}), which most mail servers deliver to the mailbox
 * itself. A reply names its case by the token, never by the guessable case number.
 */
@Component
class ReplyAddress {

    private static final Pattern TOKEN = Pattern.compile("\\+c-([0-9a-f]{32})@", Pattern.CASE_INSENSITIVE);

    private final @Nullable String local;
    private final @Nullable String domain;

    ReplyAddress(@Value("${opencxm.cases.mailbox.address:}") String address) {
        var at = address.strip().lastIndexOf('@');
        if (at <= 0) {
            this.local = null;
            this.domain = null;
        } else {
            this.local = address.strip().substring(0, at);
            this.domain = address.strip().substring(at + 1);
        }
    }

    /** The case's reply address, or {@code null} without a support mailbox: then replies go to the sender. */
    @Nullable
    String forCase(String token) {
        return local == null ? null : local + "+c-" + token + "@" + domain;
    }

    /** The reply token in any of the addresses a mail was sent to. */
    static Optional<String> token(Collection<String> recipients) {
        for (var recipient : recipients) {
            var matcher = TOKEN.matcher(recipient);
            if (matcher.find()) {
                return Optional.of(matcher.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    /** Mail from the support mailbox itself: our own letters coming back, never a customer. */
    boolean ours(String sender) {
        if (local == null) {
            return false;
        }
        var address = sender.strip().toLowerCase(Locale.ROOT);
        var name = local.toLowerCase(Locale.ROOT);
        var host = "@" + java.util.Objects.requireNonNull(domain).toLowerCase(Locale.ROOT);
        return address.equals(name + host) || (address.startsWith(name + "+") && address.endsWith(host));
    }
}
