package org.opencxm.platform.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.opencxm.platform.Department;
import org.opencxm.platform.Role;

public record UserChanges(
        @NotBlank @Size(max = 120) String displayName,
        @NotNull Role role,
        @NotNull Department department,
        boolean enabled) {}
