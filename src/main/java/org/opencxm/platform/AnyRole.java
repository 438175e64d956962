package org.opencxm.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.annotation.Secured;

/** Any signed-in user or management token of the workspace may call this endpoint. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Secured({
    Role.ADMIN_AUTHORITY,
    Role.CX_MANAGER_AUTHORITY,
    Role.AGENT_AUTHORITY,
    Role.MARKETING_AUTHORITY,
    Role.VIEWER_AUTHORITY
})
public @interface AnyRole {}
