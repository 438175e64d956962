package org.opencxm.touchpoints.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The 32 KB limit counts each message as its client sent it, spaces and escapes included. */
class MessageReaderTests {

    @Test
    void measuresEachMessageOfABatchAsSent() {
        var first = "{\"type\": \"track\",   \"event\": \"Caf\\u00e9\"}";
        var second = "{\"type\":\"page\",\"name\":\"Übersicht\"}";
        var body = "{\"sentAt\": \"2026-11-01T00:00:00Z\", \"batch\": [" + first + " , " + second + "], \"x\": null}";

        var read = MessageReader.read(body.getBytes(StandardCharsets.UTF_8));

        assertThat(read.sizes())
                .containsExactly(
                        first.getBytes(StandardCharsets.UTF_8).length, second.getBytes(StandardCharsets.UTF_8).length);
        assertThat(read.json().get("batch").get(0).get("event").asString()).isEqualTo("Café");
        assertThat(read.json().get("sentAt").asString()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(read.json().get("x").isNull()).isTrue();
    }

    @Test
    void refusesWhatIsNotOneObject() {
        for (var body : new String[] {"[1]", "{\"a\": 1} {\"b\": 2}", "{\"a\": ", "\"text\""}) {
            assertThatThrownBy(() -> MessageReader.read(body.getBytes(StandardCharsets.UTF_8)))
                    .as(body)
                    .isInstanceOf(CollectionRejected.class);
        }
    }
}
