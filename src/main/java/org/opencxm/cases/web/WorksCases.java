package org.opencxm.cases.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.opencxm.platform.Role;
import org.springframework.security.access.annotation.Secured;

/** Working on cases (opening, moving, noting, assigning) is for agents, CX managers and admins. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY, Role.AGENT_AUTHORITY})
@interface WorksCases {}
