package org.opencxm.platform;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record ApiKeyId(@JsonValue UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
