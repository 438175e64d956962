package org.opencxm.customers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.Language;

/** The 360° view of one customer, without the timeline (which is paged separately). */
public record CustomerProfile(
        Customer customer,
        Map<String, Object> traits,
        Map<String, Instant> traitTimes,
        List<Identity> identities,
        List<Consent> consents) {

    /** The answer for one channel, or {@code null} if the customer never gave one. */
    public @Nullable Consent consent(ConsentChannel channel) {
        return consents.stream().filter(c -> c.channel() == channel).findFirst().orElse(null);
    }

    /**
     * The language the customer's {@code language} or {@code locale} trait names, read by its
     * first two letters as shops and CRMs write it: {@code de-DE}, {@code en_US}, {@code Deutsch}.
     */
    public Optional<Language> language() {
        for (var trait : List.of("language", "locale")) {
            if (traits.get(trait) instanceof String text) {
                var language = Language.parse(text.length() > 2 ? text.substring(0, 2) : text);
                if (language.isPresent()) {
                    return language;
                }
            }
        }
        return Optional.empty();
    }

    /** The customer's ids of one kind, oldest first. */
    public List<String> ids(IdentityKind kind) {
        return Identity.values(identities, kind);
    }

    /** One id the customer is known by. */
    public record Identity(IdentityKind kind, String value, Instant firstSeenAt) {

        /** The values of one kind among these ids, in their order. */
        public static List<String> values(List<Identity> identities, IdentityKind kind) {
            return identities.stream()
                    .filter(identity -> identity.kind() == kind)
                    .map(Identity::value)
                    .toList();
        }
    }
}
