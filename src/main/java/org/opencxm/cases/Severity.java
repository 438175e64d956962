package org.opencxm.cases;

/** How bad a case is, from low to critical; a repeat is one step worse. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** One step worse, critical at most. */
    public Severity raised() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
    }

    public String messageKey() {
        return "case.severity." + name();
    }
}
