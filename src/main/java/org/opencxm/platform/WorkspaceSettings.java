package org.opencxm.platform;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The settings an admin may change; the same record binds the form and the API body. */
public record WorkspaceSettings(
        @NotBlank @Size(max = 120) String name,

        @NotNull @Pattern(regexp = "de|en", message = "{validation.locale}")
        String defaultLocale,

        @NotBlank @ValidTimeZone String timeZone) {}
