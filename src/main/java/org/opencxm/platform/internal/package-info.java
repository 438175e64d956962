/** The platform's insides: users and their invitations, key administration, the stores of workspaces, users and keys, and the first start. */
@NullMarked
package org.opencxm.platform.internal;

import org.jspecify.annotations.NullMarked;
