/** The filter chains of the four doors (REST API, collection, respondents, web), sign-in with lock-out, management tokens, rate limits and the role check before the body is read. */
@NullMarked
package org.opencxm.platform.security;

import org.jspecify.annotations.NullMarked;
