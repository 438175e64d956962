/**
 * The platform every other module stands on: workspaces (tenants), the people who work in
 * them with a role and department in each, API keys, sign-in and authorization, error responses and languages.
 *
 * <p>Its API, and nothing else, is public here: who acts in which workspace ({@link
 * org.opencxm.platform.Actor}, {@link org.opencxm.platform.CurrentActor}, {@link
 * org.opencxm.platform.Role}, {@link org.opencxm.platform.Department}, {@link
 * org.opencxm.platform.UserId}); how endpoints declare who may call them ({@link
 * org.opencxm.platform.AnyRole}, {@link org.opencxm.platform.PublicEndpoint}); workspaces
 * ({@link org.opencxm.platform.Workspaces}, {@link org.opencxm.platform.Workspace}, {@link
 * org.opencxm.platform.WorkspaceId}, {@link org.opencxm.platform.WorkspaceCreated}, {@link
 * org.opencxm.platform.DemoWorkspaceCreated}, {@link org.opencxm.platform.WorkspaceArchived}); keys ({@link org.opencxm.platform.ApiKeys},
 * {@link org.opencxm.platform.ApiKey}, {@link org.opencxm.platform.ApiKeyId}, {@link
 * org.opencxm.platform.ApiKeyKind}, {@link org.opencxm.platform.ApiKeyCreated}); the {@link
 * org.opencxm.platform.Language}s OpenCXM speaks; and the {@link
 * org.opencxm.platform.LifecycleStage}s every module slices by, until the journeys module owns
 * them. The conventions every module follows (ids, errors, paging, SQL conditions) are the
 * named interface {@code common}. Everything else is internal: {@code internal} (users, key
 * administration, stores, first start), {@code security} (filter chains, sign-in, its throttle, rate
 * limits, the workspace switch), {@code database} (the embedded PostgreSQL, durable jobs) and {@code web} (pages, REST, problem
 * details, formats).
 */
@ApplicationModule(displayName = "Platform")
@NullMarked
package org.opencxm.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
