package org.opencxm.touchpoints;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.opencxm.platform.Department;

/** What an admin enters for a touchpoint; binds the form and the API body alike. */
public record TouchpointDraft(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,62}", message = "{validation.touchpoint.key}")
        String key,

        @NotBlank @Size(max = 120) String name,
        @NotNull Channel channel,
        @NotNull Department department,

        @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2)
        BigDecimal costPerContact,

        boolean active) {

    /** The same touchpoint, active. */
    public TouchpointDraft activated() {
        return new TouchpointDraft(key, name, channel, department, costPerContact, true);
    }
}
