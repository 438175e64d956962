package org.opencxm.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencxm.feedback.internal.FeedbackExamples.survey;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencxm.customers.CustomerProfile;

/** An invitation speaks the customer's language as their traits give it, else the survey's. */
class InvitationLanguageTests {

    @ParameterizedTest
    @CsvSource({"de-DE, de", "de_AT, de", "Deutsch, de", "deu, de", "en_US, en", "English, en", "eng, en", "EN, en"})
    void theLanguageTraitIsReadAsShopsAndCrmsWriteIt(String trait, String expected) {
        assertThat(Invitations.language(withTraits(Map.of("language", trait)), survey(SurveyStatus.ACTIVE)))
                .isEqualTo(expected);
    }

    @Test
    void theLocaleTraitCountsWhenThereIsNoLanguageAndOtherwiseTheSurveysLanguage() {
        var survey = survey(SurveyStatus.ACTIVE);

        assertThat(Invitations.language(withTraits(Map.of("locale", "de_CH")), survey))
                .isEqualTo("de");
        assertThat(Invitations.language(withTraits(Map.of("language", "fr", "locale", "fr-FR")), survey))
                .isEqualTo(survey.defaultLanguage());
        assertThat(Invitations.language(withTraits(Map.of("language", 49)), survey))
                .isEqualTo(survey.defaultLanguage());
    }

    private static CustomerProfile withTraits(Map<String, Object> traits) {
        var customer = FeedbackExamples.customer(null, null);
        return new CustomerProfile(customer.customer(), traits, Map.of(), List.of(), List.of());
    }
}
