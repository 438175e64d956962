/**
 * The web shell: page layout, navigation across the product's areas, and the home page.
 * Areas appear in the navigation as their modules arrive; the others are shown as coming.
 * Nothing here is for other modules: it has no public types.
 */
@ApplicationModule(displayName = "Web shell", allowedDependencies = "platform")
@NullMarked
package org.opencxm.shell;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
