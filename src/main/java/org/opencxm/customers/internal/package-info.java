/** Identity resolution, traits with the time each was set, the search box, and the store of profiles, ids and consent. */
@NullMarked
package org.opencxm.customers.internal;

import org.jspecify.annotations.NullMarked;
