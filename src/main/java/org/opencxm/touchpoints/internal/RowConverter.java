package org.opencxm.touchpoints.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.opencxm.touchpoints.EventType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one CSV row into events, or into the reasons it cannot be imported. Message ids derive
 * from the row (orders from their order id), so importing a file again creates no duplicates.
 * Dates may be ISO (2026-03-01, 2026-03-01T14:30) or German (01.03.2026); amounts may use a
 * decimal comma.
 */
final class RowConverter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Strict: a day that does not exist (31.11.) is an error, not the last day of the month. */
    private static final DateTimeFormatter GERMAN_DATE =
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter GERMAN_DATE_TIME =
            DateTimeFormatter.ofPattern("d.M.uuuu H:mm").withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> YES = Set.of("1", "true", "yes", "ja", "y", "j", "x", "returned", "retoure");

    /** A note or a name longer than this is a pasted document, not a value. */
    static final int MAX_TEXT_LENGTH = 10_000;

    record Converted(List<CollectedEvent> events, List<ImportRowError> errors) {}

    private final ImportKind kind;
    private final Map<String, String> mapping;
    private final ZoneId zone;
    private final Instant now;

    /** @param mapping field name → CSV column name */
    RowConverter(ImportKind kind, Map<String, String> mapping, ZoneId zone, Instant now) {
        this.kind = kind;
        this.mapping = mapping;
        this.zone = zone;
        this.now = now;
    }

    Converted convert(CSVRecord row, long rowNumber) {
        var errors = new ArrayList<ImportRowError>();
        for (var field : kind.fields()) {
            var value = value(row, field.name());
            if (field.required() && value == null) {
                errors.add(new ImportRowError(rowNumber, column(field.name()), "required"));
            } else if (value != null && value.indexOf('\u0000') >= 0) {
                errors.add(new ImportRowError(rowNumber, column(field.name()), "nul"));
            } else if (value != null && value.length() > maxLength(field.name())) {
                errors.add(new ImportRowError(rowNumber, column(field.name()), "tooLong"));
            }
        }
        if (!errors.isEmpty()) {
            return new Converted(List.of(), errors);
        }
        var converted = switch (kind) {
            case CUSTOMERS -> customer(row, rowNumber, errors);
            case ORDERS -> order(row, rowNumber, errors);
            case INTERACTIONS -> interaction(row, rowNumber, errors);
        };
        if (converted.events().stream().anyMatch(event -> storedBytes(event) > MessageParser.MAX_EVENT_BYTES)) {
            return new Converted(List.of(), List.of(new ImportRowError(rowNumber, "", "tooLarge")));
        }
        return converted;
    }

    /** The collection API's 32 KB limit applies to imported events too, on the JSON they store (ids have their own). */
    private static int storedBytes(CollectedEvent event) {
        int bytes = 0;
        for (var json : new String[] {event.properties(), event.traits(), event.context()}) {
            bytes += json == null ? 0 : json.getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }

    private Converted customer(CSVRecord row, long rowNumber, List<ImportRowError> errors) {
        var traits = JSON.createObjectNode();
        for (var field : List.of("email", "firstName", "lastName", "name", "phone", "city")) {
            var value = value(row, field);
            if (value != null) {
                traits.put(field, value);
            }
        }
        var email = value(row, "email");
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(new ImportRowError(rowNumber, column("email"), "email"));
            return new Converted(List.of(), errors);
        }
        var event = event(
                EventType.IDENTIFY,
                null,
                value(row, "customerId"),
                null,
                now,
                null,
                traits,
                "import:customer:" + digest(row));
        return new Converted(List.of(event), errors);
    }

    private Converted order(CSVRecord row, long rowNumber, List<ImportRowError> errors) {
        var date = date(row, rowNumber, errors);
        var revenue = amount(row, "revenue", rowNumber, errors);
        var margin = value(row, "margin") == null ? null : amount(row, "margin", rowNumber, errors);
        if (!errors.isEmpty()) {
            return new Converted(List.of(), errors);
        }
        var orderId = value(row, "orderId");
        var properties = JSON.createObjectNode()
                .put("order_id", orderId)
                .put("revenue", revenue)
                .put(
                        "currency",
                        value(row, "currency") == null
                                ? "EUR"
                                : value(row, "currency").toUpperCase(Locale.ROOT));
        if (margin != null) {
            properties.put("margin", margin);
        }
        var customer = value(row, "customerId");
        var touchpoint = value(row, "touchpoint");
        var events = new ArrayList<CollectedEvent>();
        events.add(event(
                EventType.TRACK,
                "Order Completed",
                customer,
                touchpoint,
                date,
                properties,
                null,
                "import:order:" + orderId));
        var returned = value(row, "returned");
        if (returned != null && YES.contains(returned.toLowerCase(Locale.ROOT))) {
            events.add(event(
                    EventType.TRACK,
                    "Product Returned",
                    customer,
                    touchpoint,
                    date,
                    JSON.createObjectNode().put("order_id", orderId),
                    null,
                    "import:return:" + orderId));
        }
        return new Converted(events, errors);
    }

    private Converted interaction(CSVRecord row, long rowNumber, List<ImportRowError> errors) {
        var date = date(row, rowNumber, errors);
        if (!errors.isEmpty()) {
            return new Converted(List.of(), errors);
        }
        var properties = JSON.createObjectNode();
        if (value(row, "note") != null) {
            properties.put("note", value(row, "note"));
        }
        var event = event(
                EventType.TRACK,
                value(row, "interaction"),
                value(row, "customerId"),
                value(row, "touchpoint"),
                date,
                properties,
                null,
                "import:interaction:" + digest(row));
        return new Converted(List.of(event), errors);
    }

    private CollectedEvent event(
            EventType type,
            @Nullable String name,
            String userId,
            @Nullable String touchpoint,
            Instant at,
            @Nullable ObjectNode properties,
            @Nullable ObjectNode traits,
            String messageId) {
        var context = JSON.createObjectNode().put("library", "opencxm-import").toString();
        if (type == EventType.IDENTIFY) {
            return CollectedEvent.identify(messageId, userId, at, String.valueOf(traits), context);
        }
        return CollectedEvent.track(
                messageId,
                name,
                userId,
                null,
                touchpoint == null ? null : touchpoint.toLowerCase(Locale.ROOT),
                at,
                properties == null ? null : properties.toString(),
                context);
    }

    private Instant date(CSVRecord row, long rowNumber, List<ImportRowError> errors) {
        var text = value(row, "date");
        try {
            if (text.contains("T") && (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$"))) {
                return OffsetDateTime.parse(text).toInstant();
            }
            if (text.contains("T")) {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            }
            if (text.contains(".")) {
                return text.contains(":")
                        ? LocalDateTime.parse(text, GERMAN_DATE_TIME)
                                .atZone(zone)
                                .toInstant()
                        : LocalDate.parse(text, GERMAN_DATE).atStartOfDay(zone).toInstant();
            }
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new ImportRowError(rowNumber, column("date"), "date"));
            return now;
        }
    }

    private BigDecimal amount(CSVRecord row, String field, long rowNumber, List<ImportRowError> errors) {
        var text = value(row, field).replace(" ", "");
        if (text.matches("-?\\d{1,3}(\\.\\d{3})+,\\d+|-?\\d+,\\d+")) {
            text = text.replace(".", "").replace(',', '.');
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            errors.add(new ImportRowError(rowNumber, column(field), "number"));
            return BigDecimal.ZERO;
        }
    }

    private @Nullable String value(CSVRecord row, String field) {
        var column = mapping.get(field);
        if (column == null || column.isBlank() || !row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        var value = row.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The collection API's limits, so that an imported event is one the API would have taken. */
    private static int maxLength(String field) {
        return switch (field) {
            case "customerId", "orderId", "touchpoint" -> MessageParser.MAX_ID_LENGTH;
            case "interaction" -> MessageParser.MAX_NAME_LENGTH;
            default -> MAX_TEXT_LENGTH;
        };
    }

    private String column(String field) {
        var column = mapping.get(field);
        return column == null || column.isBlank() ? field : column;
    }

    private static String digest(CSVRecord row) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (var value : row) {
                digest.update(value.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
