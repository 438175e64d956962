package org.opencxm.shell;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.Role;

/**
 * An area of the product in the navigation.
 *
 * @param path where the area starts, or {@code null} while it is not built yet
 * @param roles who sees it as a link
 */
record Area(String key, @Nullable String path, Set<Role> roles) {

    public boolean available() {
        return path != null;
    }

    public String messageKey() {
        return "nav." + key;
    }

    public String descriptionKey() {
        return "nav." + key + ".description";
    }
}
