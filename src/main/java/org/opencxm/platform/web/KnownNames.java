package org.opencxm.platform.web;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event names and trait keys as the reader says them: "Bestellung abgeschlossen" for Segment's
 * {@code Order Completed}, "Vorname" for {@code firstName}. Names are what touchpoints send, so
 * only the well-known ones (Segment's spec, the demo's) have a label; any other shows as sent.
 * Where a label differs from what was sent, pages show the raw name beside it for those who
 * write tracking code or filters. Templates call it as {@code ${@names.event(name)}}.
 */
@Component("names")
public class KnownNames {

    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    /** The touchpoint every workspace starts with keeps the English name it was created with. */
    private static final String UNASSIGNED = "Unassigned";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;
    private final DisplayFormats formats;

    KnownNames(MessageSource messages, DisplayFormats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    public String event(@Nullable String name) {
        return name == null ? "" : label("eventName.", name);
    }

    /** The name as sent, when the page shows another label for it; else null. */
    public @Nullable String rawEvent(@Nullable String name) {
        return name == null || event(name).equalsIgnoreCase(name) ? null : name;
    }

    public String trait(@Nullable String key) {
        return key == null ? "" : label("traitKey.", key);
    }

    public @Nullable String rawTrait(@Nullable String key) {
        return key == null || trait(key).equalsIgnoreCase(key) ? null : key;
    }

    /** A trait's value: yes or no for a boolean, a number in the reader's format, nested values as JSON. */
    public String value(@Nullable Object value) {
        if (value == null) {
            return "–";
        }
        if (value instanceof Boolean yes) {
            return messages.getMessage(yes ? "common.yes" : "common.no", null, locale());
        }
        if (value instanceof Number number) {
            return formats.plain(number);
        }
        if (value instanceof java.util.Map<?, ?> || value instanceof java.util.Collection<?>) {
            return JSON.writeValueAsString(value);
        }
        return value.toString();
    }

    /** One property of an event as the timeline shows it: a label, the key as sent, the value. */
    public record Property(String label, String key, String value) {}

    /**
     * An event's properties (or an identify's traits) as label and value, in the order sent: known
     * keys in the reader's language ({@code revenue} as "Umsatz"), values as {@link #value(Object)}
     * shows them. Unreadable JSON is shown as it came, under one "properties" entry.
     */
    public java.util.List<Property> properties(@Nullable String json, boolean traits) {
        if (json == null || json.isBlank()) {
            return java.util.List.of();
        }
        java.util.Map<String, Object> fields;
        try {
            fields = JSON.readValue(json, java.util.LinkedHashMap.class);
        } catch (RuntimeException unreadable) {
            return java.util.List.of(new Property(label("propertyKey.", "properties"), "properties", json));
        }
        var shown = new java.util.ArrayList<Property>();
        fields.forEach((key, value) -> {
            if (!"consent".equals(key)) {
                var label = traits ? trait(key) : property(key);
                shown.add(new Property(label, key, value(value)));
            }
        });
        return shown;
    }

    private String property(String key) {
        var label = messages.getMessage("propertyKey." + key(key), null, null, locale());
        return label != null ? label : trait(key);
    }

    public String touchpoint(@Nullable String name) {
        if (name == null) {
            return "";
        }
        return UNASSIGNED.equals(name) ? messages.getMessage("touchpoint.unassigned", null, name, locale()) : name;
    }

    private String label(String prefix, String raw) {
        var code = prefix + key(raw);
        var label = messages.getMessage(code, null, null, locale());
        return label == null ? raw : label;
    }

    /** {@code Order Completed}, {@code order_completed} and {@code orderCompleted} are one name. */
    static String key(String raw) {
        var snake = CAMEL.matcher(raw.strip()).replaceAll("_").toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(snake).replaceAll("_").replaceAll("^_+|_+$", "");
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
