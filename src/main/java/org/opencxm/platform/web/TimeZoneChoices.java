package org.opencxm.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;

/**
 * The time zones a select offers: the region/city ones people recognise (Europe/Berlin), without
 * the tz database's legacy aliases (GB-Eire, SystemV/…, Etc/GMT+1 with its inverted sign),
 * grouped by region and named by city with today's offset ("Berlin (UTC+01:00)"). Any valid id
 * is still accepted, so a workspace set to an alias keeps it.
 */
final class TimeZoneChoices {

    private static final Pattern REGION_CITY = Pattern.compile(
            "(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Z][^/]*(/[A-Z][^/]*)?");

    /** A few ids that the pattern would keep but the tz database keeps only as old names. */
    private static final Set<String> ALIASES = Set.of(
            "Asia/Calcutta", "Asia/Saigon", "Asia/Katmandu", "Asia/Rangoon", "America/Buenos_Aires", "Europe/Kiev");

    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    /**
     * One option: the zone's id, its city as the tz database names it, its offset from UTC now,
     * and its name in the reader's language ("Mitteleuropäische Zeit"), which the search finds too.
     */
    record Zone(String id, String city, String offset, String name) {}

    /** An optgroup: the region (a message key {@code timeZone.region.*}) and its zones by city. */
    record Region(String key, List<Zone> zones) {}

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

    /** How a page names a zone in a sentence: its city, in the reader's language where it has its own name ("Wien"). */
    static String label(ZoneId zone, Locale locale, MessageSource messages) {
        return city(zone.getId(), locale, messages);
    }

    private static Zone zone(String id, Instant now, Locale locale, MessageSource messages) {
        var offset = OFFSET.format(ZoneId.of(id).getRules().getOffset(now));
        return new Zone(
                id, city(id, locale, messages), "UTC" + offset, ZoneId.of(id).getDisplayName(TextStyle.FULL, locale));
    }

    /** The tz database names cities in English; German has its own names for some ("Wien", "Kairo"). */
    private static String city(String id, Locale locale, MessageSource messages) {
        var slash = id.indexOf('/');
        var city = (slash < 0 ? id : id.substring(slash + 1)).replace('_', ' ').replace("/", " / ");
        return messages.getMessage("timeZone.city." + id.replace('/', '.'), null, city, locale);
    }

    static List<Region> byRegion(Instant now, Locale locale, MessageSource messages) {
        var regions = new TreeMap<String, List<Zone>>();
        for (var id : offered()) {
            var slash = id.indexOf('/');
            var region = slash < 0 ? "Other" : id.substring(0, slash);
            regions.computeIfAbsent(region, r -> new ArrayList<>()).add(zone(id, now, locale, messages));
        }
        var result = new ArrayList<Region>();
        regions.forEach((region, zones) -> {
            zones.sort(Comparator.comparing(Zone::city, java.text.Collator.getInstance(locale)));
            result.add(new Region("timeZone.region." + region, List.copyOf(zones)));
        });
        return List.copyOf(result);
    }
}
