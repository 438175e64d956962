package org.opencxm.touchpoints.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import org.opencxm.touchpoints.EventType;
import tools.jackson.core.JacksonException;

/**
 * Jazzer feeds arbitrary bytes to the collection API's parsing and validation. Whatever comes,
 * the only acceptable outcomes are "rejected as malformed JSON" or a list of events and problems;
 * any other exception would be a 500 in production. {@code mvnw verify} fuzzes for a bounded time
 * in its own surefire execution.
 */
class MessageParserFuzzTests {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @FuzzTest(maxDuration = "30s")
    void parsesOrRejectsAnyInput(FuzzedDataProvider data) {
        var asBatch = data.consumeBoolean();
        var input = data.consumeRemainingAsBytes();
        tools.jackson.databind.JsonNode body;
        try {
            body = CollectionLimits.PARSER.readTree(input);
        } catch (JacksonException e) {
            return; // answered 400: not valid JSON
        }
        if (body == null || !body.isObject()) {
            return; // answered 400: not an object
        }
        var parser = new MessageParser(NOW);
        if (asBatch) {
            var events = parser.batch(body);
            // A batch without problems is a non-empty batch whose every message became an event.
            if (parser.problems().isEmpty()) {
                assertThat(events).isNotEmpty().hasSize(body.get("batch").size());
            }
        } else {
            var event = parser.single(body, EventType.TRACK);
            assertThat(event == null).isEqualTo(!parser.problems().isEmpty());
        }
        for (var problem : parser.problems()) {
            assertThat(problem.messageKey()).startsWith("collection.");
        }
    }
}
