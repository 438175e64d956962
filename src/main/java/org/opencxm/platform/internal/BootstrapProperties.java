package org.opencxm.platform.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * First start on an empty database.
 *
 * @param adminPassword the first admin's password; a random one is printed once when empty
 */
@ConfigurationProperties("opencxm.bootstrap")
record BootstrapProperties(String adminEmail, @Nullable String adminPassword, String workspaceName) {}
