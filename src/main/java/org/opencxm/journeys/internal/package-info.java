/** The lifecycle machine, its rules and policy, the intake of events, the sweep, re-derivation and the stores. */
@NullMarked
package org.opencxm.journeys.internal;

import org.jspecify.annotations.NullMarked;
