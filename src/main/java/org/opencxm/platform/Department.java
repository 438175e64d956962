package org.opencxm.platform;

/** CX is cross-departmental: users, cases, goals and touchpoints have an owning department. */
public enum Department {
    MARKETING,
    SALES,
    SERVICE,
    PRODUCT,
    LOGISTICS,
    MANAGEMENT;

    public String messageKey() {
        return "department." + name();
    }
}
