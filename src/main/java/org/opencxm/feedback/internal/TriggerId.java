package org.opencxm.feedback.internal;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record TriggerId(@JsonValue UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
