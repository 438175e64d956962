package org.opencxm.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint anyone may call without signing in (sign-in page, invitation links). Every
 * other endpoint names its roles with {@code @Secured} or {@link AnyRole}; a test fails for an
 * endpoint that declares neither.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PublicEndpoint {}
