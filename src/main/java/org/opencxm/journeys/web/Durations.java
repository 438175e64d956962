package org.opencxm.journeys.web;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A time to convert as people say it: "3 Std.", "1 Tag 4 Std.", "12 Min."; two units at most,
 * since nobody plans by the second. Templates call it as {@code ${@durations.of(d)}}.
 */
@Component("durations")
class Durations {

    private final MessageSource messages;

    Durations(MessageSource messages) {
        this.messages = messages;
    }

    public String of(@Nullable Duration duration) {
        if (duration == null) {
            return "–";
        }
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        if (days > 0) {
            return hours == 0 ? text("funnels.duration.days", days) : text("funnels.duration.daysHours", days, hours);
        }
        if (hours > 0) {
            return text("funnels.duration.hours", hours);
        }
        return text("funnels.duration.minutes", Math.max(minutes, duration.isZero() ? 0 : 1));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
