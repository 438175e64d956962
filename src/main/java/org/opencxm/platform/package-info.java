/**
 * The platform every other module stands on: workspaces (tenants), users with roles and
 * departments, API keys, sign-in and authorization, error responses and languages.
 *
 * <p>Other modules use {@link org.opencxm.platform.Actor} to learn who is acting in which
 * workspace, and the façades {@link org.opencxm.platform.Workspaces}, {@link
 * org.opencxm.platform.Users} and {@link org.opencxm.platform.ApiKeys}. The sub-packages
 * (database, security, web) are internal.
 */
@ApplicationModule(displayName = "Platform")
@NullMarked
package org.opencxm.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
