package org.opencxm.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.SurveyId;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of {@code case_intake}: a workspace's categories and thresholds, if its admin set them. */
@Component
public class CaseIntakeStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    CaseIntakeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseIntakeRules> find(WorkspaceId workspace) {
        return jdbc.sql(
                        "select categories::text, thresholds::text, surveys::text from case_intake where workspace_id = ?")
                .param(workspace.value())
                .query((rs, n) -> new CaseIntakeRules(
                        categories(JSON.readTree(rs.getString(1))),
                        thresholds(JSON.readTree(rs.getString(2))),
                        surveys(JSON.readTree(rs.getString(3)))))
                .optional();
    }

    public void save(WorkspaceId workspace, CaseIntakeRules rules, Instant at) {
        var categories = JSON.createArrayNode();
        for (var c : rules.categories().all()) {
            var node = categories
                    .addObject()
                    .put("key", c.key())
                    .put("german", c.german())
                    .put("english", c.english())
                    .put("retired", c.retired());
            c.words().forEach(node.putArray("words")::add);
        }
        var thresholds = JSON.createObjectNode();
        rules.thresholds().forEach((scale, value) -> thresholds.put(scale.name(), value));
        var surveys = JSON.createObjectNode();
        rules.surveys().forEach(rule -> surveys.put(rule.survey().value().toString(), rule.threshold()));
        jdbc.sql("""
                        insert into case_intake (workspace_id, categories, thresholds, surveys, updated_at)
                        values (?, ?::jsonb, ?::jsonb, ?::jsonb, ?)
                        on conflict (workspace_id) do update set categories = excluded.categories,
                          thresholds = excluded.thresholds, surveys = excluded.surveys, updated_at = excluded.updated_at""")
                .params(
                        workspace.value(),
                        categories.toString(),
                        thresholds.toString(),
                        surveys.toString(),
                        Timestamp.from(at))
                .update();
    }

    private static CaseCategories categories(JsonNode json) {
        var all = new ArrayList<CaseCategories.Category>();
        for (var node : json) {
            var words = new ArrayList<String>();
            var stored = node.get("words");
            if (stored != null) {
                stored.forEach(word -> words.add(word.asString()));
            }
            all.add(new CaseCategories.Category(
                    node.get("key").asString(),
                    text(node, "german"),
                    text(node, "english"),
                    List.copyOf(words),
                    node.get("retired").asBoolean()));
        }
        return new CaseCategories(List.copyOf(all));
    }

    private static java.util.Map<QuestionType, Integer> thresholds(JsonNode json) {
        var thresholds = new EnumMap<QuestionType, Integer>(QuestionType.class);
        json.properties()
                .forEach(e -> thresholds.put(
                        QuestionType.valueOf(e.getKey()), e.getValue().asInt()));
        return thresholds;
    }

    private static List<CaseIntakeRules.SurveyRule> surveys(JsonNode json) {
        var rules = new ArrayList<CaseIntakeRules.SurveyRule>();
        json.properties()
                .forEach(e -> rules.add(new CaseIntakeRules.SurveyRule(
                        new SurveyId(UUID.fromString(e.getKey())),
                        e.getValue().isNull() ? null : e.getValue().asInt())));
        return rules;
    }

    private static @org.jspecify.annotations.Nullable String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
