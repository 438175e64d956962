package org.opencxm.customers;

import java.util.Locale;

/** The channels a customer may allow or refuse us to use. */
public enum ConsentChannel {
    EMAIL,
    PHONE,
    POST,
    TRACKING;

    public String traitName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "consent." + name();
    }
}
