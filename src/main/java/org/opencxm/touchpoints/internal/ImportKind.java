package org.opencxm.touchpoints.internal;

import java.util.List;

/**
 * What a CSV file holds, and the fields it must or may map. Customers become identify calls,
 * orders {@code Order Completed} (and {@code Product Returned}), interactions track calls such
 * as a store visit, a call or a letter.
 */
public enum ImportKind {
    CUSTOMERS(List.of(
            new ImportField("customerId", true),
            new ImportField("email", false),
            new ImportField("firstName", false),
            new ImportField("lastName", false),
            new ImportField("name", false),
            new ImportField("phone", false),
            new ImportField("city", false))),
    ORDERS(List.of(
            new ImportField("customerId", true),
            new ImportField("orderId", true),
            new ImportField("date", true),
            new ImportField("revenue", true),
            new ImportField("margin", false),
            new ImportField("currency", false),
            new ImportField("returned", false),
            new ImportField("touchpoint", false))),
    INTERACTIONS(List.of(
            new ImportField("customerId", true),
            new ImportField("date", true),
            new ImportField("interaction", true),
            new ImportField("touchpoint", false),
            new ImportField("note", false)));

    private final List<ImportField> fields;

    ImportKind(List<ImportField> fields) {
        this.fields = fields;
    }

    public List<ImportField> fields() {
        return fields;
    }

    public String messageKey() {
        return "imports.kind." + name();
    }

    /** A field of the import and whether each row needs it. */
    public record ImportField(String name, boolean required) {

        public String messageKey() {
            return "imports.field." + name;
        }
    }
}
