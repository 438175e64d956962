/** The embedded PostgreSQL that runs when no external database is configured. */
@NullMarked
package org.opencxm.platform.database;

import org.jspecify.annotations.NullMarked;
