/** Pages and REST endpoints of the touchpoint registry. */
@NullMarked
package org.opencxm.touchpoints.web;

import org.jspecify.annotations.NullMarked;
