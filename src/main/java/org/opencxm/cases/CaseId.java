package org.opencxm.cases;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.UUID;

/** A case, unguessable where it appears in addresses. */
public record CaseId(@JsonValue UUID value) implements Serializable {

    @Override
    public String toString() {
        return value.toString();
    }
}
