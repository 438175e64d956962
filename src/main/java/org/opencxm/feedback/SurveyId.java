package org.opencxm.feedback;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record SurveyId(@JsonValue UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
