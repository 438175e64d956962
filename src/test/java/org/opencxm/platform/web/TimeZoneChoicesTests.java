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
}
