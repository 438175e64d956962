package org.opencxm.platform;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record UserChanges(
        @NotBlank @Size(max = 120) String displayName,
        @NotNull Role role,
        @NotNull Department department,
        boolean enabled) {}
