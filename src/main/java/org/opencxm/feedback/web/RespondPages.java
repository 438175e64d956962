package org.opencxm.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.Answering;
import org.opencxm.feedback.Entry;
import org.opencxm.feedback.Invitations;
import org.opencxm.feedback.Outcome;
import org.opencxm.feedback.ResponseChannel;
import org.opencxm.feedback.ResponseId;
import org.opencxm.platform.NotFoundException;
import org.opencxm.platform.PublicEndpoint;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The respondent's pages: plain HTML forms that work without JavaScript, one page of questions
 * at a time, each saved before the next is shown (post, then redirect). The anonymous link is
 * {@code /s/{key}}, and its response id travels in the path; a personal link {@code /i/{token}}
 * has exactly one response.
 */
@Controller
@PublicEndpoint
class RespondPages {

    /** A field no person sees or fills in; bots that fill every field give themselves away. */
    static final String HONEYPOT = "website";

    private final Answering answering;
    private final SurveyView view;
    private final LocaleResolver locales;
    private final Invitations invitations;

    RespondPages(Answering answering, SurveyView view, LocaleResolver locales, Invitations invitations) {
        this.answering = answering;
        this.invitations = invitations;
        this.view = view;
        this.locales = locales;
    }

    @GetMapping("/s/{key}")
    String start(
            @PathVariable String key,
            @RequestParam(required = false) @Nullable String lang,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var entry = publicEntry(key);
        var id = answering.responseId(entry, null);
        return show(entry, id, "/s/" + key + "/" + id, lang, request, response, model);
    }

    @GetMapping("/s/{key}/{response}")
    String resume(
            @PathVariable String key,
            @PathVariable String response,
            @RequestParam(required = false) @Nullable String lang,
            HttpServletRequest request,
            HttpServletResponse servletResponse,
            Model model) {
        var entry = publicEntry(key);
        var id = answering.responseId(entry, response);
        return show(entry, id, "/s/" + key + "/" + id, lang, request, servletResponse, model);
    }

    @PostMapping("/s/{key}/{response}/{page}")
    String answer(
            @PathVariable String key,
            @PathVariable String response,
            @PathVariable int page,
            @RequestParam(required = false) @Nullable String lang,
            HttpServletRequest request,
            HttpServletResponse servletResponse,
            Model model) {
        var entry = publicEntry(key);
        var id = answering.responseId(entry, response);
        return submit(
                entry, id, page, "/s/" + key + "/" + id, ResponseChannel.LINK, lang, request, servletResponse, model);
    }

    @GetMapping("/s/{key}/{response}/done")
    String thanks(
            @PathVariable String key,
            @PathVariable String response,
            @RequestParam(required = false) @Nullable String lang,
            HttpServletRequest request,
            HttpServletResponse servletResponse,
            Model model) {
        return thanks(publicEntry(key), lang, request, servletResponse, model);
    }

    @GetMapping("/i/{token}")
    String personal(
            @PathVariable String token,
            @RequestParam(required = false) @Nullable String lang,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var entry = personalEntry(token);
        return show(entry, answering.responseId(entry, null), "/i/" + token, lang, request, response, model);
    }

    @PostMapping("/i/{token}/{page}")
    String answerPersonal(
            @PathVariable String token,
            @PathVariable int page,
            @RequestParam(required = false) @Nullable String lang,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var entry = personalEntry(token);
        var channel = entry.invitation() != null && entry.invitation().email() != null
                ? ResponseChannel.EMAIL
                : ResponseChannel.PERSONAL_LINK;
        return submit(
                entry, answering.responseId(entry, null), page, "/i/" + token, channel, lang, request, response, model);
    }

    @GetMapping("/i/{token}/done")
    String thanksPersonal(
            @PathVariable String token,
            @RequestParam(required = false) @Nullable String lang,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return thanks(personalEntry(token), lang, request, response, model);
    }

    @GetMapping("/i/{token}/unsubscribe")
    String unsubscribePage(
            @PathVariable String token,
            @RequestParam(required = false) @Nullable String lang,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var language = invitations.languageOf(token).orElseThrow(() -> new NotFoundException("invitation", "…"));
        unsubscribeModel(
                token,
                lang != null && (lang.equals("de") || lang.equals("en")) ? lang : language,
                request,
                response,
                model);
        return "feedback/unsubscribe";
    }

    /** The confirmation, and also the one-click unsubscribe mail programs post (RFC 8058). */
    @PostMapping("/i/{token}/unsubscribe")
    String unsubscribe(
            @PathVariable String token,
            @RequestParam(required = false) @Nullable String lang,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var language = invitations.languageOf(token).orElseThrow(() -> new NotFoundException("invitation", "…"));
        invitations.unsubscribe(token);
        unsubscribeModel(
                token,
                lang != null && (lang.equals("de") || lang.equals("en")) ? lang : language,
                request,
                response,
                model);
        model.addAttribute("done", true);
        return "feedback/unsubscribe";
    }

    private void unsubscribeModel(
            String token, String language, HttpServletRequest request, HttpServletResponse response, Model model) {
        locales.setLocale(request, response, Locale.forLanguageTag(language));
        model.addAttribute("lang", language);
        model.addAttribute("action", "/i/" + token + "/unsubscribe?lang=" + language);
        model.addAttribute("done", false);
    }

    private String show(
            Entry entry,
            ResponseId id,
            String base,
            @Nullable String lang,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var language = language(entry, lang, request, response);
        if (entry.access() != Entry.Access.OPEN) {
            return unavailable(entry, language, response, model);
        }
        var progress = answering.progress(entry, id);
        if (progress.completed()) {
            return "redirect:" + base + "/done?lang=" + language;
        }
        view.page(model, entry.survey(), progress.page(), language, progress.answers(), Map.of());
        model.addAttribute("action", base + "/" + progress.page() + "?lang=" + language);
        model.addAttribute("base", base);
        return "feedback/respond";
    }

    private String submit(
            Entry entry,
            ResponseId id,
            int page,
            String base,
            ResponseChannel channel,
            @Nullable String lang,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var language = language(entry, lang, request, response);
        var honeypot = request.getParameter(HONEYPOT);
        if (honeypot != null && !honeypot.isEmpty()) {
            return "redirect:" + base + "/done?lang=" + language;
        }
        var outcome = answering.submit(entry, id, page, form(request), language, channel, null);
        if (outcome instanceof Outcome.Invalid invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            view.page(model, entry.survey(), invalid.page(), language, invalid.answers(), invalid.errors());
            model.addAttribute("action", base + "/" + invalid.page() + "?lang=" + language);
            model.addAttribute("base", base);
            return "feedback/respond";
        }
        if (outcome instanceof Outcome.Refused) {
            return unavailable(entry, language, response, model);
        }
        return "redirect:" + base + (outcome instanceof Outcome.Done ? "/done" : "") + "?lang=" + language;
    }

    private String thanks(
            Entry entry, @Nullable String lang, HttpServletRequest request, HttpServletResponse response, Model model) {
        var language = language(entry, lang, request, response);
        model.addAttribute("lang", language);
        model.addAttribute(
                "thankYou",
                entry.survey()
                        .definition()
                        .thankYou()
                        .in(language, entry.survey().defaultLanguage()));
        return "feedback/thanks";
    }

    private String unavailable(Entry entry, String language, HttpServletResponse response, Model model) {
        response.setStatus(
                entry.access() == Entry.Access.NOT_ACTIVE ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
        model.addAttribute("lang", language);
        model.addAttribute("titleKey", "respond.unavailable." + entry.access().name());
        model.addAttribute("detailKey", "respond.unavailable." + entry.access().name() + ".detail");
        return "feedback/unavailable";
    }

    /** The respondent's language, also for the page's own texts (buttons, errors). */
    private String language(
            Entry entry, @Nullable String lang, HttpServletRequest request, HttpServletResponse response) {
        var language = entry.language(lang, request.getLocale().getLanguage());
        locales.setLocale(request, response, Locale.forLanguageTag(language));
        return language;
    }

    private Entry publicEntry(String key) {
        return answering.publicEntry(key).orElseThrow(() -> new NotFoundException("survey", key));
    }

    private Entry personalEntry(String token) {
        return answering.personalEntry(token).orElseThrow(() -> new NotFoundException("invitation", "…"));
    }

    private static Map<String, List<String>> form(HttpServletRequest request) {
        var form = new LinkedHashMap<String, List<String>>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith("q.")) {
                form.put(name, Arrays.asList(values));
            }
        });
        return form;
    }
}
