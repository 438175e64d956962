package org.opencxm.platform.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A WHERE clause composed of conditions, each with exactly the parameters its placeholders
 * take, so that optional filters are added without string surgery and a condition can never
 * be paired with another's values. Immutable: every {@code and} returns a new clause.
 *
 * <pre>{@code
 * var where = SqlConditions.where("r.workspace_id = ?", workspace)
 *         .andIfPresent("r.started_at >= ?", from);
 * jdbc.sql("select count(*) from survey_response r" + where.sql()).params(where.params())
 * }</pre>
 */
public final class SqlConditions {

    private final List<String> conditions;
    private final List<@Nullable Object> params;

    private SqlConditions(List<String> conditions, List<@Nullable Object> params) {
        this.conditions = conditions;
        this.params = params;
    }

    public static SqlConditions where(String condition, @Nullable Object... params) {
        return new SqlConditions(List.of(), List.of()).and(condition, params);
    }

    public SqlConditions and(String condition, @Nullable Object... values) {
        int placeholders = placeholders(condition);
        if (placeholders != values.length) {
            throw new IllegalArgumentException(
                    "'" + condition + "' has " + placeholders + " placeholders but " + values.length + " values");
        }
        var nextConditions = new ArrayList<>(conditions);
        nextConditions.add(condition);
        var nextParams = new ArrayList<>(params);
        nextParams.addAll(Arrays.asList(values));
        return new SqlConditions(List.copyOf(nextConditions), Collections.unmodifiableList(nextParams));
    }

    /** Adds the condition only when its one value is given: an optional filter. */
    public SqlConditions andIfPresent(String condition, @Nullable Object value) {
        return value == null ? this : and(condition, value);
    }

    /** {@code " where a and b"}, with a leading space, ready to append to a FROM clause. */
    public String sql() {
        return " where " + String.join(" and ", conditions);
    }

    public List<@Nullable Object> params() {
        return params;
    }

    /** The parameters followed by those of whatever the statement says after the WHERE clause. */
    public List<@Nullable Object> paramsAnd(@Nullable Object... more) {
        var all = new ArrayList<>(params);
        all.addAll(Arrays.asList(more));
        return all;
    }

    /** Placeholders outside quoted literals; {@code ?::jsonb} is a placeholder with a cast. */
    private static int placeholders(String condition) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < condition.length(); i++) {
            char c = condition.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '?' && !quoted) {
                count++;
            }
        }
        return count;
    }
}
