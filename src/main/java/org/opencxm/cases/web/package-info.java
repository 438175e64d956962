/** The cases' queue, case pages, the customer page's cases section, and REST. */
@NullMarked
package org.opencxm.cases.web;

import org.jspecify.annotations.NullMarked;
