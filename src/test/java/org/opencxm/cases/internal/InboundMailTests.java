package org.opencxm.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a reply says, whom it answers, and what a new mail is about. */
class InboundMailTests {

    @Test
    void theQuotedLetterBelowAReplyIsCutOff() {
        assertThat(InboundMail.ownWords(
                        "Danke, passt.\n\nAm 01.12.2026 um 10:00 schrieb Service <s@firma.de>:\n> Hallo"))
                .isEqualTo("Danke, passt.");
        assertThat(InboundMail.ownWords("Thanks!\nOn Tue, Dec 1, 2026 at 10:00 Service wrote:\n> hi"))
                .isEqualTo("Thanks!");
        assertThat(InboundMail.ownWords("Ok\n-----Original Message-----\nFrom: x"))
                .isEqualTo("Ok");
        assertThat(InboundMail.ownWords("Zeile eins\n> zitiert")).isEqualTo("Zeile eins");
        assertThat(InboundMail.ownWords("a".repeat(20_000))).hasSize(InboundMail.TEXT_LENGTH);
    }

    @Test
    void theReplyTokenIsFoundInAnyRecipientAndNothingElseNamesACase() {
        var token = "0123456789abcdef0123456789abcdef";
        assertThat(ReplyAddress.token(
                        List.of("support@firma.de", "Support <support+c-" + token.toUpperCase() + "@firma.de>")))
                .contains(token);
        assertThat(ReplyAddress.token(List.of("support+c-1234@firma.de", "support+42@firma.de")))
                .isEmpty();
        assertThat(new ReplyAddress("support@firma.de").forCase(token)).isEqualTo("support+c-" + token + "@firma.de");
        assertThat(new ReplyAddress("").forCase(token)).isNull();
    }

    @Test
    void ourOwnAddressIsNeverACustomer() {
        var replies = new ReplyAddress("support@firma.de");
        assertThat(replies.ours("Support@Firma.de")).isTrue();
        assertThat(replies.ours("support+c-abc@firma.de")).isTrue();
        assertThat(replies.ours("supporter@firma.de")).isFalse();
        assertThat(replies.ours("support@kunde.de")).isFalse();
    }

    @Test
    void aNewMailIsFiledByTheFirstWordThatNamesACategory() {
        assertThat(CaseCategories.DEFAULTS.guess("Re: Rechnung doppelt abgebucht"))
                .isEqualTo("billing");
        assertThat(CaseCategories.DEFAULTS.guess("Wo bleibt meine Lieferung?")).isEqualTo("delivery");
        assertThat(CaseCategories.DEFAULTS.guess("Frage")).isEqualTo("other");
    }
}
