package org.opencxm.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opencxm.customers.ConsentChannel;

/** Traits keep the time each was set, so that late messages cannot roll a profile back. */
class TraitsTests {

    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
    private static final Instant TUESDAY = MONDAY.plusSeconds(86_400);

    @Test
    void aLaterValueReplacesAnEarlierOneButNotTheOtherWayRound() {
        var traits = Traits.of("{}", "{}")
                .apply("{\"city\": \"Köln\", \"plan\": \"basic\"}", TUESDAY)
                .apply("{\"city\": \"Bonn\"}", MONDAY)
                .apply("{\"plan\": \"premium\"}", TUESDAY);

        assertThat(traits.text("city")).as("Monday's message arrived late").isEqualTo("Köln");
        assertThat(traits.text("plan")).as("as late as the value it replaces").isEqualTo("premium");
        assertThat(traits.times()).contains("\"city\":\"" + TUESDAY + "\"");
    }

    @Test
    void absorbingAnotherProfileTakesEachTraitByItsOwnTime() {
        var survivor = Traits.of("{}", "{}").apply("{\"email\": \"old@example.com\", \"city\": \"Wien\"}", MONDAY);
        var merged = Traits.of("{}", "{}").apply("{\"email\": \"new@example.com\"}", TUESDAY);

        survivor.absorb(merged);

        assertThat(survivor.email()).isEqualTo("new@example.com");
        assertThat(survivor.text("city")).isEqualTo("Wien");
    }

    @Test
    void theDisplayNameIsTheNameElseFirstAndLastName() {
        assertThat(Traits.of("{}", "{}")
                        .apply("{\"name\": \" Lena Fischer \"}", MONDAY)
                        .displayName())
                .isEqualTo("Lena Fischer");
        assertThat(Traits.of("{}", "{}")
                        .apply("{\"firstName\": \"Lena\"}", MONDAY)
                        .displayName())
                .isEqualTo("Lena");
        assertThat(Traits.of("{}", "{}")
                        .apply("{\"lastName\": \"Fischer\", \"firstName\": \"Lena\"}", MONDAY)
                        .displayName())
                .isEqualTo("Lena Fischer");
        assertThat(Traits.of("{}", "{}").apply("{\"city\": \"Graz\"}", MONDAY).displayName())
                .isNull();
    }

    @Test
    void consentIsReadPerChannelAndOnlyAsYesOrNo() {
        var traits = Traits.of("{}", "{}")
                .apply("{\"consent\": {\"email\": true, \"phone\": false, \"post\": \"yes\"}}", MONDAY);

        assertThat(traits.consent(ConsentChannel.EMAIL)).isTrue();
        assertThat(traits.consent(ConsentChannel.PHONE)).isFalse();
        assertThat(traits.consent(ConsentChannel.POST))
                .as("a text is no answer")
                .isNull();
        assertThat(traits.consent(ConsentChannel.TRACKING)).isNull();
    }

    @Test
    void blankTextsCountAsAbsent() {
        var traits = Traits.of("{}", "{}").apply("{\"email\": \"  \", \"age\": 42}", MONDAY);

        assertThat(traits.email()).isNull();
        assertThat(traits.text("age")).as("numbers are not texts").isNull();
        assertThat(traits.apply(null, TUESDAY)).isSameAs(traits);
    }
}
