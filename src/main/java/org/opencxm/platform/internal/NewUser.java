package org.opencxm.platform.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.opencxm.platform.Department;
import org.opencxm.platform.Role;

/** What an admin enters to invite a user; binds the form and the API body alike. */
public record NewUser(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 120) String displayName,
        @NotNull Role role,
        @NotNull Department department) {}
