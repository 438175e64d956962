package org.opencxm.customers;

import java.util.Locale;

/** The kinds of ids in the identity graph. E-mail addresses are kept in lower case. */
enum IdentityKind {
    USER_ID,
    ANONYMOUS_ID,
    EMAIL;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    String normalize(String value) {
        return this == EMAIL ? value.strip().toLowerCase(Locale.ROOT) : value;
    }
}
