/** The web adapters of the platform: sign-in, invitations, settings pages and the REST API. */
@NullMarked
package org.opencxm.platform.web;

import org.jspecify.annotations.NullMarked;
