package org.opencxm.journeys.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.opencxm.platform.Role;
import org.springframework.security.access.annotation.Secured;

/** The transition rules decide every stage and KPI: admins and CX managers change them. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY})
@interface EditsJourneyRules {}
