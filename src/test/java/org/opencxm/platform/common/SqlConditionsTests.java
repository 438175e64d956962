package org.opencxm.platform.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlConditionsTests {

    @Test
    void joinsConditionsWithAndAndKeepsEachOnesValuesInOrder() {
        var where = SqlConditions.where("r.workspace_id = ?", "w")
                .and("r.survey_id = ?", "s")
                .and("(r.name ilike ? or r.email ilike ?)", "%a%", "%b%");

        assertThat(where.sql())
                .isEqualTo(" where r.workspace_id = ? and r.survey_id = ? and (r.name ilike ? or r.email ilike ?)");
        assertThat(where.params()).containsExactly("w", "s", "%a%", "%b%");
        assertThat(where.paramsAnd(50, 100)).containsExactly("w", "s", "%a%", "%b%", 50, 100);
    }

    @Test
    void anOptionalConditionWithoutItsValueIsLeftOut() {
        var where = SqlConditions.where("a = ?", 1).andIfPresent("b >= ?", null).andIfPresent("c < ?", 3);

        assertThat(where.sql()).isEqualTo(" where a = ? and c < ?");
        assertThat(where.params()).containsExactly(1, 3);
    }

    @Test
    void everyAndReturnsANewClauseAndLeavesTheOriginalAsItWas() {
        var base = SqlConditions.where("a = ?", 1);

        var narrower = base.and("b = ?", 2);

        assertThat(base.sql()).isEqualTo(" where a = ?");
        assertThat(base.params()).containsExactly(1);
        assertThat(narrower.params()).containsExactly(1, 2);
    }

    @Test
    void aConditionMustBeGivenExactlyTheValuesItsPlaceholdersTake() {
        assertThatThrownBy(() -> SqlConditions.where("a = ? and b = ?", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 placeholders but 1 values");
        assertThatThrownBy(() -> SqlConditions.where("a = 1", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void questionMarksInsideQuotedLiteralsAreNoPlaceholders() {
        var where = SqlConditions.where("note <> 'why?' and id = ?", 7);

        assertThat(where.params()).containsExactly(7);
    }

    @Test
    void aConditionWithoutPlaceholdersTakesNoValues() {
        assertThat(SqlConditions.where("c.merged_into is null").params()).isEmpty();
    }
}
