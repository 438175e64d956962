package org.opencxm.platform;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.UUID;

public record UserId(@JsonValue UUID value) implements Serializable {

    @Override
    public String toString() {
        return value.toString();
    }
}
