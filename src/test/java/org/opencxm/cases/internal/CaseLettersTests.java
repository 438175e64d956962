package org.opencxm.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A workspace's wording: named placeholders filled in, and nothing that could break a mail header. */
class CaseLettersTests {

    @Test
    void namedPlaceholdersAreFilledInAndUnknownOnesStayAsWritten() {
        assertThat(CaseLetters.fill("Fall {number} bei {company}: {nix}", List.of("number", "company"), 1234L, "Firma"))
                .isEqualTo("Fall 1234 bei Firma: {nix}");
    }

    @Test
    void aSubjectIsOneLineAndNoTextCarriesControlCharacters() {
        assertThat(CaseLetters.plain("Ihr Anliegen #{number}", true)).isTrue();
        assertThat(CaseLetters.plain("Zeile\\nzwei", true)).isTrue();
        assertThat(CaseLetters.plain("Zeile\nzwei", true)).isFalse();
        assertThat(CaseLetters.plain("Zeile\rBcc: x@example.com", true)).isFalse();
        assertThat(CaseLetters.plain("Zeile\rzwei", false)).isFalse();
        assertThat(CaseLetters.plain("Absatz\n\nzwei", false)).isTrue();
        assertThat(CaseLetters.plain("Glocke\u0007", false)).isFalse();
    }
}
