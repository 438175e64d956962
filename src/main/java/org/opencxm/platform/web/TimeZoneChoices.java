package org.opencxm.platform.web;

import java.time.ZoneId;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The time zones a select offers: the region/city ones people recognise (Europe/Berlin), without
 * the tz database's legacy aliases (GB-Eire, SystemV/…, Etc/GMT+1 with its inverted sign). Any
 * valid id is still accepted, so a workspace set to an alias keeps it.
 */
final class TimeZoneChoices {

    private static final Pattern REGION_CITY = Pattern.compile(
            "(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Z][^/]*(/[A-Z][^/]*)?");

    /** A few ids that the pattern would keep but the tz database keeps only as old names. */
    private static final java.util.Set<String> ALIASES = java.util.Set.of(
            "Asia/Calcutta", "Asia/Saigon", "Asia/Katmandu", "Asia/Rangoon", "America/Buenos_Aires", "Europe/Kiev");

    private TimeZoneChoices() {}

    static SortedSet<String> offered() {
        var zones = new TreeSet<String>();
        for (var id : ZoneId.getAvailableZoneIds()) {
            if (REGION_CITY.matcher(id).matches() && !ALIASES.contains(id)) {
                zones.add(id);
            }
        }
        zones.add("UTC");
        return zones;
    }
}
