package org.opencxm.platform.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo mode: a first start on an empty database creates a demo workspace with one user per
 * role. Turn it off with {@code OPENCXM_DEMO=false} for a real installation.
 *
 * @param password the demo users' password; random ones are printed once when empty
 */
@ConfigurationProperties("opencxm.demo")
record DemoProperties(boolean enabled, @Nullable String password) {}
