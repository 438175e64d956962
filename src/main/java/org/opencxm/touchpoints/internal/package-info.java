/** Collection (write keys, message parsing, touchpoint attribution), the event store and its partitions, the identity queue, and CSV imports. */
@NullMarked
package org.opencxm.touchpoints.internal;

import org.jspecify.annotations.NullMarked;
