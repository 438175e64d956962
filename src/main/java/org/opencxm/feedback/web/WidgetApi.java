package org.opencxm.feedback.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.internal.LocalizedText;
import org.opencxm.feedback.internal.Survey;
import org.opencxm.feedback.internal.WidgetResponses;
import org.opencxm.platform.Language;
import org.opencxm.platform.PublicEndpoint;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.touchpoints.WriteKeys;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The website widget's two calls, next to the collection API and authenticated the same way by
 * the site's write key in the body (sent as text/plain, so browsers need no CORS preflight):
 * which surveys to show where, and the visitor's answer.
 */
@RestController
@PublicEndpoint
@Hidden
class WidgetApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the widget needs to show one survey, texts in both languages. */
    record WidgetSurvey(
            String key,
            String type,
            int min,
            int max,
            String defaultLanguage,
            LocalizedText question,
            @Nullable LocalizedText hint,
            boolean comment,
            Map<String, LocalizedText> labels,
            String pathRegex,
            int delaySeconds,
            int samplingPercent,
            int againAfterDays) {}

    private final WriteKeys writeKeys;
    private final WidgetResponses widget;
    private final MessageSource messages;

    WidgetApi(WriteKeys writeKeys, WidgetResponses widget, MessageSource messages) {
        this.writeKeys = writeKeys;
        this.widget = widget;
        this.messages = messages;
    }

    @PostMapping("/v1/surveys/widget")
    List<WidgetSurvey> surveys(@RequestBody String body) {
        return widget.shown(workspace(read(body))).stream().map(this::describe).toList();
    }

    @PostMapping("/v1/surveys/widget/{key}/responses")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void respond(@PathVariable String key, @RequestBody String body) {
        var json = read(body);
        var workspace = workspace(json);
        UUID responseId;
        try {
            responseId = UUID.fromString(text(json, "responseId"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("responseId", "respond.error.invalid");
        }
        var scoreNode = json.get("score");
        if (scoreNode != null && scoreNode.isIntegralNumber() && !scoreNode.canConvertToInt()) {
            throw new InvalidInputException("score", "respond.error.invalid");
        }
        var score = scoreNode != null && scoreNode.isIntegralNumber() ? scoreNode.asInt() : null;
        var language =
                Language.parse(text(json, "language")).orElse(Language.EN).tag();
        widget.record(
                workspace,
                key,
                responseId,
                text(json, "userId"),
                text(json, "anonymousId"),
                score,
                text(json, "comment"),
                language);
    }

    private WidgetSurvey describe(Survey survey) {
        var headline = survey.definition().headline().orElseThrow();
        var settings = survey.widget();
        return new WidgetSurvey(
                survey.publicKey(),
                headline.type().name(),
                headline.type().min(),
                headline.type().max(),
                survey.defaultLanguage(),
                headline.text(),
                headline.hint(),
                survey.definition().questions().stream()
                        .anyMatch(q -> q.type().name().equals("FREE_TEXT")),
                Map.of(
                        "thanks", both("widget.thanks"),
                        "close", both("widget.close"),
                        "send", both("widget.send"),
                        "comment", both("widget.comment")),
                settings.pathRegex(),
                settings.delaySeconds(),
                settings.samplingPercent(),
                settings.againAfterDays());
    }

    private LocalizedText both(String key) {
        return LocalizedText.from(language -> messages.getMessage(key, null, language.locale()));
    }

    /** The site's write key, authenticated like every collection request. */
    private WorkspaceId workspace(JsonNode json) {
        return writeKeys.workspace(null, json).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }

    private static JsonNode read(String body) {
        if (body.length() > 32 * 1024) {
            throw new InvalidInputException("body", "problem.unreadable");
        }
        try {
            var json = JSON.readTree(body);
            if (json == null || !json.isObject()) {
                throw new InvalidInputException("body", "problem.unreadable");
            }
            return json;
        } catch (tools.jackson.core.JacksonException e) {
            throw new InvalidInputException("body", "problem.unreadable");
        }
    }

    /** A text field; U+0000 is refused at its field, as everywhere (PostgreSQL cannot store it). */
    private static @Nullable String text(JsonNode json, String field) {
        var value = json.get(field);
        if (value == null || !value.isString()) {
            return null;
        }
        if (value.asString().indexOf('\u0000') >= 0) {
            throw new InvalidInputException(field, "validation.nul");
        }
        return value.asString();
    }
}
