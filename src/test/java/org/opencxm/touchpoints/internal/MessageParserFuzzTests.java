package org.opencxm.touchpoints.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import org.opencxm.touchpoints.EventType;

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
        MessageReader.Body read;
        try {
            read = MessageReader.read(input);
        } catch (CollectionRejected e) {
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.field()).isEqualTo("body"));
            return; // answered 400: not a JSON object within the limits
        }
        var body = read.json();
        var parser = new MessageParser(NOW);
        if (asBatch) {
            var events = parser.batch(body, read.sizes());
            // A batch without problems is a non-empty batch whose every message became an event.
            if (parser.problems().isEmpty()) {
                assertThat(events).isNotEmpty().hasSize(body.get("batch").size());
            }
        } else {
            var event = parser.single(body, EventType.TRACK, input.length);
            assertThat(event == null).isEqualTo(!parser.problems().isEmpty());
        }
        for (var problem : parser.problems()) {
            assertThat(problem.messageKey()).startsWith("collection.");
        }
    }
}
