package org.opencxm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeZoneChoicesTests {

    @Test
    void offersRegionAndCityWithoutLegacyAliases() {
        assertThat(TimeZoneChoices.offered())
                .contains("Europe/Berlin", "Europe/Vienna", "America/Argentina/Buenos_Aires", "UTC")
                .doesNotContain("Etc/GMT+1", "GB-Eire", "Asia/Calcutta", "US/Pacific")
                .noneMatch(zone -> zone.startsWith("SystemV/"));
    }

    @Test
    void groupsByRegionAndNamesEachZoneByCityWithTodaysOffset() {
        var winter = java.time.Instant.parse("2026-12-01T12:00:00Z");
        var regions = TimeZoneChoices.byRegion(winter, java.util.Locale.GERMAN, messages());

        assertThat(regions)
                .extracting(TimeZoneChoices.Region::key)
                .startsWith("timeZone.region.Africa", "timeZone.region.America")
                .contains("timeZone.region.Europe", "timeZone.region.Other");
        var europe = regions.stream()
                .filter(r -> r.key().endsWith("Europe"))
                .findFirst()
                .orElseThrow();
        assertThat(europe.zones())
                .contains(new TimeZoneChoices.Zone("Europe/Berlin", "Berlin", "UTC+01:00", "Mitteleuropäische Zeit"))
                .contains(new TimeZoneChoices.Zone("Europe/Vienna", "Wien", "UTC+01:00", "Mitteleuropäische Zeit"));
        var america = regions.stream()
                .filter(r -> r.key().endsWith("America"))
                .findFirst()
                .orElseThrow();
        assertThat(america.zones())
                .extracting(TimeZoneChoices.Zone::id, TimeZoneChoices.Zone::city, TimeZoneChoices.Zone::offset)
                .contains(org.assertj.core.groups.Tuple.tuple("America/New_York", "New York", "UTC-05:00"))
                .contains(org.assertj.core.groups.Tuple.tuple(
                        "America/Argentina/Buenos_Aires", "Argentina / Buenos Aires", "UTC-03:00"));
    }

    private static org.springframework.context.support.ResourceBundleMessageSource messages() {
        var source = new org.springframework.context.support.ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
