package org.opencxm.journeys.internal;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opencxm.touchpoints.EventType;
import org.opencxm.touchpoints.feeds.StoredEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the lifecycle reads from an event's properties: a survey's headline score. */
final class EventProperties {

    /** Recorded by the feedback module for each response. */
    static final String SURVEY_RESPONDED = "Survey Responded";

    static final String COMPLAINT_FILED = "Complaint Filed";

    private static final List<String> SCORE_PROPERTIES = List.of("nps", "csat", "ces", "stars");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventProperties() {}

    /** The headline score of a survey response: its type (NPS, CSAT, CES, STARS) and value. */
    record Score(String type, int value) {

        /**
         * Negative as the KPI catalogue counts it: detractors (NPS 0–6), CSAT 1–2, CES 1–3 (it was
         * not easy), stars 1–2; positive: promoters (9–10), CSAT 4–5, CES 5–7, stars 4–5.
         */
        @Nullable
        Signal signal() {
            return switch (type) {
                case "NPS" -> value <= 6 ? Signal.NEGATIVE : value >= 9 ? Signal.POSITIVE : null;
                case "CES" -> value <= 3 ? Signal.NEGATIVE : value >= 5 ? Signal.POSITIVE : null;
                default -> value <= 2 ? Signal.NEGATIVE : value >= 4 ? Signal.POSITIVE : null;
            };
        }
    }

    /** What an event says about the experience. */
    enum Signal {
        NEGATIVE,
        POSITIVE,
        COMPLAINT
    }

    static boolean isSurveyResponse(StoredEvent event) {
        return event.type() == EventType.TRACK && SURVEY_RESPONDED.equals(event.name());
    }

    static @Nullable Score score(StoredEvent event) {
        if (!isSurveyResponse(event)) {
            return null;
        }
        var properties = of(event);
        for (var key : SCORE_PROPERTIES) {
            var value = properties.get(key);
            if (value != null && value.isIntegralNumber()) {
                return new Score(key.toUpperCase(Locale.ROOT), value.asInt());
            }
        }
        return null;
    }

    static @Nullable Signal signal(StoredEvent event) {
        if (event.type() == EventType.TRACK && COMPLAINT_FILED.equals(event.name())) {
            return Signal.COMPLAINT;
        }
        var score = score(event);
        return score == null ? null : score.signal();
    }

    /** The properties a complaint or a response says something in, in the order they are looked for. */
    private static final List<String> NOTE_PROPERTIES =
            List.of("comment", "description", "text", "message", "subject", "reason", "category");

    static final int NOTE_LENGTH = 500;

    /**
     * What a complaint or a negative response said, its first {@value #NOTE_LENGTH} characters;
     * {@code null} for any other event, and for one that says nothing in words.
     */
    static @Nullable String note(StoredEvent event) {
        var signal = signal(event);
        if (signal != Signal.COMPLAINT && signal != Signal.NEGATIVE) {
            return null;
        }
        var properties = of(event);
        for (var key : NOTE_PROPERTIES) {
            var text = text(properties, key);
            if (text != null) {
                return text.codePointCount(0, text.length()) <= NOTE_LENGTH
                        ? text
                        : text.substring(0, text.offsetByCodePoints(0, NOTE_LENGTH));
            }
        }
        return null;
    }

    /** A property's text, if it is one and not blank. */
    static @Nullable String text(JsonNode properties, String key) {
        var value = properties.get(key);
        return value != null && value.isString() && !value.asString().isBlank()
                ? value.asString().strip()
                : null;
    }

    static JsonNode of(StoredEvent event) {
        if (event.properties() == null) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(event.properties());
        } catch (RuntimeException unreadable) {
            return JSON.createObjectNode();
        }
    }
}
