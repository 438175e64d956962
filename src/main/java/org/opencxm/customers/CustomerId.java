package org.opencxm.customers;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record CustomerId(@JsonValue UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
