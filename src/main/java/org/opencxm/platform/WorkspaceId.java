package org.opencxm.platform;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.UUID;

/** Identifies a workspace, the tenant every row of OpenCXM belongs to. */
public record WorkspaceId(@JsonValue UUID value) implements Serializable {

    public static WorkspaceId of(String value) {
        return new WorkspaceId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
