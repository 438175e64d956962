package org.opencxm.cases.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencxm.cases.internal.CaseCategories;
import org.opencxm.cases.internal.CaseIntakeRules;
import org.opencxm.cases.internal.CaseRules;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.SurveyDirectory;
import org.opencxm.feedback.SurveyId;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Role;
import org.opencxm.platform.common.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Settings › Cases › Categories and thresholds: the workspace's categories (names in German and
 * English, the words that file a complaint under one, retired ones kept), the highest answer per
 * scale that opens a case, and surveys with a threshold of their own or none. One form, one row
 * to add a category; everything is checked by {@link CaseIntakeRules#check} with its messages.
 */
@Controller
@RequestMapping("/settings/cases/intake")
@Secured(Role.ADMIN_AUTHORITY)
class CaseIntakePages {

    static final List<QuestionType> SCALES =
            List.of(QuestionType.NPS, QuestionType.CSAT, QuestionType.CES, QuestionType.STARS);

    private final CaseRules rules;
    private final SurveyDirectory surveys;

    CaseIntakePages(CaseRules rules, SurveyDirectory surveys) {
        this.rules = rules;
        this.surveys = surveys;
    }

    @GetMapping
    String show(Actor actor, Model model) {
        return page(actor, model, form(rules.of(actor.workspaceId())));
    }

    @PostMapping
    String save(Actor actor, @RequestParam Map<String, String> fields, Model model, HttpServletResponse response) {
        var problems = new ArrayList<InvalidInputException.Problem>();
        var changed = parse(fields, problems);
        try {
            if (problems.isEmpty()) {
                rules.save(actor.workspaceId(), changed);
                return "redirect:/settings/cases/intake?saved";
            }
            changed.check(surveys.scored(actor.workspaceId()));
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("problems", new InvalidInputException(problems).byField());
        return page(actor, model, fields);
    }

    private String page(Actor actor, Model model, Map<String, String> form) {
        int rows = 0;
        while (form.containsKey("key." + rows)) {
            rows++;
        }
        model.addAttribute("form", form);
        model.addAttribute("rows", rows);
        model.addAttribute("builtIn", CaseCategories.DEFAULTS.openKeys());
        model.addAttribute("scales", SCALES);
        model.addAttribute("surveys", surveys.scored(actor.workspaceId()));
        return "cases/intake";
    }

    /** The rules as the form shows them, with an empty row for a new category. */
    static Map<String, String> form(CaseIntakeRules rules) {
        var form = new HashMap<String, String>();
        var all = rules.categories().all();
        for (int i = 0; i < all.size(); i++) {
            var c = all.get(i);
            form.put("key." + i, c.key());
            form.put("german." + i, c.german() == null ? "" : c.german());
            form.put("english." + i, c.english() == null ? "" : c.english());
            form.put("words." + i, String.join(", ", c.words()));
            if (c.retired()) {
                form.put("retired." + i, "on");
            }
        }
        form.put("key." + all.size(), "");
        for (var scale : SCALES) {
            rules.threshold(null, scale).ifPresent(t -> form.put("threshold." + scale.name(), Integer.toString(t)));
        }
        for (var rule : rules.surveys()) {
            form.put(
                    "survey." + rule.survey().value(),
                    rule.threshold() == null ? "none" : Integer.toString(rule.threshold()));
        }
        return form;
    }

    private static CaseIntakeRules parse(Map<String, String> fields, List<InvalidInputException.Problem> problems) {
        var categories = new ArrayList<CaseCategories.Category>();
        for (int i = 0; fields.containsKey("key." + i); i++) {
            var key = fields.get("key." + i).strip();
            var german = fields.getOrDefault("german." + i, "");
            var english = fields.getOrDefault("english." + i, "");
            var words = fields.getOrDefault("words." + i, "");
            if (key.isEmpty() && german.isBlank() && english.isBlank() && words.isBlank()) {
                continue; // the empty row for a new category, left empty
            }
            categories.add(new CaseCategories.Category(
                    key,
                    german,
                    english,
                    Arrays.stream(words.split("[,;\\n]"))
                            .map(String::strip)
                            .filter(w -> !w.isEmpty())
                            .toList(),
                    fields.containsKey("retired." + i)));
        }
        var thresholds = new EnumMap<QuestionType, Integer>(QuestionType.class);
        for (var scale : SCALES) {
            var text = fields.getOrDefault("threshold." + scale.name(), "").strip();
            try {
                thresholds.put(scale, Integer.valueOf(text));
            } catch (NumberFormatException e) {
                problems.add(
                        new InvalidInputException.Problem("threshold" + scale.name(), "case.intake.invalid.threshold"));
            }
        }
        var own = new ArrayList<CaseIntakeRules.SurveyRule>();
        for (var field : fields.entrySet()) {
            if (!field.getKey().startsWith("survey.") || field.getValue().isBlank()) {
                continue; // blank: the workspace's threshold for the survey's scale
            }
            SurveyId survey;
            try {
                survey = new SurveyId(UUID.fromString(field.getKey().substring("survey.".length())));
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidInputException.Problem("surveys", "case.intake.invalid.survey"));
                continue;
            }
            var value = field.getValue().strip();
            if ("none".equals(value)) {
                own.add(new CaseIntakeRules.SurveyRule(survey, null));
                continue;
            }
            try {
                own.add(new CaseIntakeRules.SurveyRule(survey, Integer.valueOf(value)));
            } catch (NumberFormatException e) {
                problems.add(new InvalidInputException.Problem("survey-" + survey, "case.intake.invalid.threshold"));
            }
        }
        return new CaseIntakeRules(new CaseCategories(categories), thresholds, own);
    }
}
