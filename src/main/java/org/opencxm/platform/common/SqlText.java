package org.opencxm.platform.common;

/** Text from users inside SQL patterns: their % and _ are characters, not wildcards. */
public final class SqlText {

    private SqlText() {}

    /** A LIKE/ILIKE pattern matching values that contain {@code text}. */
    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
