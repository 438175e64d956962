/** Pages and REST endpoints of customer profiles. */
@NullMarked
package org.opencxm.customers.web;

import org.jspecify.annotations.NullMarked;
