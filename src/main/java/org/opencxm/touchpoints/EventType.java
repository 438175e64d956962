package org.opencxm.touchpoints;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The message types of the Segment HTTP Tracking API. */
public enum EventType {
    TRACK,
    IDENTIFY,
    PAGE,
    SCREEN,
    GROUP,
    ALIAS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static @Nullable EventType fromWire(@Nullable String name) {
        if (name == null) {
            return null;
        }
        for (var type : values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
