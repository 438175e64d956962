package org.opencxm.feedback.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.opencxm.feedback.Answer;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.internal.Brandings;
import org.opencxm.feedback.internal.Question;
import org.opencxm.feedback.internal.Survey;
import org.opencxm.platform.Language;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.Workspaces;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Puts one page of a survey into the model, in the respondent's language; shared by answering and preview. */
@Component
class SurveyView {

    private final MessageSource messages;
    private final Workspaces workspaces;
    private final Brandings brandings;

    /** Every respondent page names the company; kept for five seconds, as surveys and branding are. */
    private final Cache<WorkspaceId, String> companies = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(5))
            .maximumSize(10_000)
            .build();

    SurveyView(MessageSource messages, Workspaces workspaces, Brandings brandings) {
        this.messages = messages;
        this.workspaces = workspaces;
        this.brandings = brandings;
    }

    /**
     * The company as respondents see it: its name in the heading, its logo and colour, served
     * under the link's own path ({@code linkBase}) so that a page reveals no other address.
     */
    void brand(Model model, Survey survey, String linkBase) {
        var branding = brandings.of(survey.workspaceId());
        model.addAttribute(
                "company",
                companies.get(survey.workspaceId(), id -> workspaces.get(id).name()));
        model.addAttribute("logo", branding.hasLogo() ? linkBase + "/logo?v=" + branding.version() : null);
        model.addAttribute(
                "brandCss", branding.colour() != null ? linkBase + "/brand.css?v=" + branding.version() : null);
    }

    void page(
            Model model,
            Survey survey,
            int page,
            String language,
            Map<String, Answer> answers,
            Map<String, String> errors) {
        var questions = survey.definition().shown(page, answers).stream()
                .map(q -> view(q, language, survey.defaultLanguage(), answers.get(q.id()), errors.get(q.id())))
                .toList();
        fill(model, survey, page, language, questions);
        model.addAttribute("preview", false);
        model.addAttribute("conditions", Map.of());
    }

    /** Every question of the page, with its skip logic spelled out; nothing can be submitted. */
    void preview(Model model, Survey survey, int page, String language) {
        var pageQuestions = survey.definition().pages().get(page).questions();
        var questions = pageQuestions.stream()
                .map(q -> view(q, language, survey.defaultLanguage(), null, null))
                .toList();
        fill(model, survey, page, language, questions);
        var locale = Locale.forLanguageTag(language);
        var conditions = new HashMap<String, String>();
        for (var question : pageQuestions) {
            var condition = question.showIf();
            if (condition != null) {
                // named as the respondent reads it: the earlier question's text and its answers' labels
                var earlier = survey.definition().question(condition.question());
                var what = condition.choices().isEmpty()
                        ? (condition.min() == null ? "…" : condition.min()) + "–"
                                + (condition.max() == null ? "…" : condition.max())
                        : String.join(
                                ", ",
                                condition.choices().stream()
                                        .map(id -> earlier.flatMap(q -> q.choices().stream()
                                                        .filter(c -> c.id().equals(id))
                                                        .findFirst())
                                                .map(c -> c.label().in(language, survey.defaultLanguage()))
                                                .orElse(id))
                                        .toList());
                var asked = earlier.map(q -> q.text().in(language, survey.defaultLanguage()))
                        .orElse(condition.question());
                conditions.put(
                        question.id(), messages.getMessage("respond.shownIf", new Object[] {asked, what}, locale));
            }
        }
        model.addAttribute("preview", true);
        model.addAttribute("conditions", conditions);
    }

    private void fill(Model model, Survey survey, int page, String language, List<QuestionView> questions) {
        var definition = survey.definition();
        var fallback = survey.defaultLanguage();
        model.addAttribute("lang", language);
        // Respondent pages stand on their own, without the staff shell that offers these too.
        model.addAttribute("languages", Language.values());
        model.addAttribute("page", page);
        model.addAttribute("pageNumber", page + 1);
        model.addAttribute("pageCount", definition.pages().size());
        model.addAttribute("lastPage", page == definition.pages().size() - 1);
        model.addAttribute(
                "intro",
                page == 0 && definition.intro() != null ? definition.intro().in(language, fallback) : null);
        model.addAttribute("questions", questions);
        model.addAttribute(
                "invalid", questions.stream().filter(q -> q.error() != null).toList());
        model.addAttribute("honeypot", RespondPages.HONEYPOT);
    }

    static QuestionView view(Question question, String language, String fallback, Answer answer, String error) {
        var type = question.type();
        var kind = type == QuestionType.EXPECTATION_GAP
                ? "gap"
                : type.scale()
                        ? "scale"
                        : type == QuestionType.FREE_TEXT
                                ? "text"
                                : type == QuestionType.MULTIPLE_CHOICE ? "multiple" : "single";
        var options = type.scale()
                ? IntStream.rangeClosed(type.min(), type.max())
                        .mapToObj(v -> new QuestionView.Option(Integer.toString(v), Integer.toString(v)))
                        .toList()
                : question.choices().stream()
                        .map(c -> new QuestionView.Option(c.id(), c.label().in(language, fallback)))
                        .toList();
        Set<String> selected = answer == null
                ? Set.of()
                : answer.value() != null ? Set.of(answer.value().toString()) : Set.copyOf(answer.choices());
        return new QuestionView(
                question.id(),
                "q." + question.id(),
                kind,
                type.name(),
                question.text().in(language, fallback),
                question.hint() == null || question.hint().blank()
                        ? null
                        : question.hint().in(language, fallback),
                question.required(),
                options,
                selected.stream().collect(Collectors.toUnmodifiableSet()),
                answer == null || answer.importance() == null
                        ? null
                        : answer.importance().toString(),
                answer == null ? null : answer.text(),
                error);
    }
}
