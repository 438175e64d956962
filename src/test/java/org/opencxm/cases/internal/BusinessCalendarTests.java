package org.opencxm.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The worked examples of docs/cases.md: working time across holidays, weekends and the change of clocks. */
class BusinessCalendarTests {

    static final ZoneId BERLIN_TIME = ZoneId.of("Europe/Berlin");
    static final BusinessCalendar BAVARIA = BusinessCalendar.officeHours(BERLIN_TIME, "DE", "by");
    static final BusinessCalendar BERLIN = BusinessCalendar.officeHours(BERLIN_TIME, "DE", "be");

    @Test
    void corpusChristiIsAHolidayInBavariaButNotInBerlin() {
        // Wednesday 26 May 2027, 16:00; Corpus Christi is the Thursday after
        var opened = local("2027-05-26T16:00");
        assertThat(BERLIN.plus(opened, Duration.ofHours(2))).isEqualTo(local("2027-05-27T09:00"));
        assertThat(BAVARIA.plus(opened, Duration.ofHours(2))).isEqualTo(local("2027-05-28T09:00"));
    }

    @Test
    void easterTheWeekendAndTheChangeOfClocksAreSkipped() {
        // Maundy Thursday 25 March 2027, 16:00: Good Friday, the weekend (clocks go forward on
        // Sunday) and Easter Monday are not working days
        var opened = local("2027-03-25T16:00");
        var due = BERLIN.plus(opened, Duration.ofHours(2));
        assertThat(due).isEqualTo(local("2027-03-30T09:00")).isEqualTo(Instant.parse("2027-03-30T07:00:00Z"));
        assertThat(BERLIN.between(opened, due)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void timeBeforeAndAfterHoursCountsFromTheNextOpening() {
        assertThat(BERLIN.plus(local("2027-06-07T06:30"), Duration.ofHours(1))).isEqualTo(local("2027-06-07T09:00"));
        assertThat(BERLIN.plus(local("2027-06-07T18:00"), Duration.ofHours(1))).isEqualTo(local("2027-06-08T09:00"));
        // exactly a working day from the opening ends at the close
        assertThat(BERLIN.plus(local("2027-06-07T08:00"), Duration.ofHours(9))).isEqualTo(local("2027-06-07T17:00"));
        // Friday 16:00 to Monday 10:00: one hour on Friday, two on Monday
        assertThat(BERLIN.between(local("2027-06-11T16:00"), local("2027-06-14T10:00")))
                .isEqualTo(Duration.ofHours(3));
        assertThat(BERLIN.between(local("2027-06-14T10:00"), local("2027-06-11T16:00")))
                .isEqualTo(Duration.ZERO);
    }

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(BERLIN_TIME).toInstant();
    }
}
