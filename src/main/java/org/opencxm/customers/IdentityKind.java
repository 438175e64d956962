package org.opencxm.customers;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kinds of ids in the identity graph. E-mail addresses are kept in lower case. */
public enum IdentityKind {
    USER_ID,
    ANONYMOUS_ID,
    EMAIL;

    /** As stored and as the API shows it: {@code user_id}, {@code anonymous_id}, {@code email}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "identity." + wireName();
    }

    public String normalize(String value) {
        return this == EMAIL ? value.strip().toLowerCase(Locale.ROOT) : value;
    }

    public static IdentityKind fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
