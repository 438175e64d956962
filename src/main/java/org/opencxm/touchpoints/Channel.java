package org.opencxm.touchpoints;

/** The kind of place where a customer meets the company. */
public enum Channel {
    WEB,
    APP,
    SHOP,
    STORE,
    CALL_CENTER,
    EMAIL,
    CHAT,
    FIELD_SALES,
    SOCIAL,
    OTHER;

    public String messageKey() {
        return "channel." + name();
    }
}
