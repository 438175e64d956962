package org.opencxm.platform;

/**
 * Write keys only send events to the collection API; management tokens call the REST API
 * with the rights of their role.
 */
public enum ApiKeyKind {
    WRITE("ocx_w_"),
    MANAGEMENT("ocx_m_");

    private final String tokenPrefix;

    ApiKeyKind(String tokenPrefix) {
        this.tokenPrefix = tokenPrefix;
    }

    public String tokenPrefix() {
        return tokenPrefix;
    }
}
