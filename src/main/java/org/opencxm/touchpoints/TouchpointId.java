package org.opencxm.touchpoints;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record TouchpointId(@JsonValue UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
