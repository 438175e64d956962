package org.opencxm.feedback.web;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.Answer;
import org.opencxm.feedback.ResponseId;
import org.opencxm.feedback.internal.Answering;
import org.opencxm.feedback.internal.Brandings;
import org.opencxm.feedback.internal.Entry;
import org.opencxm.feedback.internal.Invitations;
import org.opencxm.feedback.internal.Outcome;
import org.opencxm.feedback.internal.ResponseChannel;
import org.opencxm.platform.PublicEndpoint;
import org.opencxm.platform.common.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The respondent's pages: plain HTML forms that work without JavaScript, one page of questions
 * at a time, each saved before the next is shown (post, then redirect). The anonymous link is
 * {@code /s/{key}}, and its response id travels in the path; a personal link {@code /i/{token}}
 * has exactly one response. Both doors lead to the same pages, as a {@link Visit}.
 */
@Controller
@PublicEndpoint
class RespondPages {

    /** A field no person sees or fills in; bots that fill every field give themselves away. */
    static final String HONEYPOT = "website";

    /** One way into one response: the entry, the response, the pages' base path, the channel answers count for. */
    private record Visit(Entry entry, ResponseId response, String base, String linkBase, ResponseChannel channel) {}

    private final Answering answering;
    private final Invitations invitations;
    private final SurveyView view;
    private final Brandings brandings;

    RespondPages(Answering answering, Invitations invitations, SurveyView view, Brandings brandings) {
        this.answering = answering;
        this.invitations = invitations;
        this.view = view;
        this.brandings = brandings;
    }

    @GetMapping("/s/{key}")
    String start(@PathVariable String key, RespondentRequest request) {
        return show(anonymous(key, null), request);
    }

    @GetMapping("/s/{key}/{response}")
    String resume(@PathVariable String key, @PathVariable String response, RespondentRequest request) {
        return show(anonymous(key, response), request);
    }

    @PostMapping("/s/{key}/{response}/{page}")
    String answer(
            @PathVariable String key,
            @PathVariable String response,
            @PathVariable int page,
            RespondentRequest request) {
        return submit(anonymous(key, response), page, request);
    }

    @GetMapping("/s/{key}/{response}/done")
    String thanks(@PathVariable String key, @PathVariable String response, RespondentRequest request) {
        return thanks(publicEntry(key), "/s/" + key, request);
    }

    /** The company's logo and colour, for the pages of this link; cached by version, they are no secret. */
    @GetMapping("/s/{key}/logo")
    ResponseEntity<byte[]> logo(@PathVariable String key, @RequestParam(defaultValue = "0") long v) {
        return logo(publicEntry(key), v, CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
    }

    @GetMapping("/s/{key}/brand.css")
    ResponseEntity<String> brandStyle(@PathVariable String key, @RequestParam(defaultValue = "0") long v) {
        return brandStyle(
                publicEntry(key), v, CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
    }

    /** Under a personal link's path, private: a shared cache must not keep addresses that carry the token. */
    @GetMapping("/i/{token}/logo")
    ResponseEntity<byte[]> personalLogo(@PathVariable String token, @RequestParam(defaultValue = "0") long v) {
        return logo(
                personalEntry(token), v, CacheControl.maxAge(Duration.ofDays(1)).cachePrivate());
    }

    @GetMapping("/i/{token}/brand.css")
    ResponseEntity<String> personalBrandStyle(@PathVariable String token, @RequestParam(defaultValue = "0") long v) {
        return brandStyle(
                personalEntry(token), v, CacheControl.maxAge(Duration.ofDays(1)).cachePrivate());
    }

    @GetMapping("/i/{token}")
    String personal(@PathVariable String token, RespondentRequest request) {
        return show(personal(token), request);
    }

    @PostMapping("/i/{token}/{page}")
    String answerPersonal(@PathVariable String token, @PathVariable int page, RespondentRequest request) {
        return submit(personal(token), page, request);
    }

    @GetMapping("/i/{token}/done")
    String thanksPersonal(@PathVariable String token, RespondentRequest request) {
        return thanks(personalEntry(token), "/i/" + token, request);
    }

    @GetMapping("/i/{token}/unsubscribe")
    String unsubscribePage(@PathVariable String token, RespondentRequest request) {
        return unsubscribe(token, false, request);
    }

    /** The confirmation, and also the one-click unsubscribe mail programs post (RFC 8058). */
    @PostMapping("/i/{token}/unsubscribe")
    String unsubscribe(@PathVariable String token, RespondentRequest request) {
        return unsubscribe(token, true, request);
    }

    private String show(Visit visit, RespondentRequest request) {
        var language = request.language(visit.entry());
        if (visit.entry().access() != Entry.Access.OPEN) {
            return unavailable(visit, language, request);
        }
        var progress = answering.progress(visit.entry(), visit.response());
        if (progress.completed()) {
            return "redirect:" + visit.base() + "/done?lang=" + language;
        }
        return page(visit, progress.page(), language, progress.answers(), Map.of(), request);
    }

    private String submit(Visit visit, int page, RespondentRequest request) {
        var language = request.language(visit.entry());
        var honeypot = request.parameter(HONEYPOT);
        if (honeypot != null && !honeypot.isEmpty()) {
            return "redirect:" + visit.base() + "/done?lang=" + language;
        }
        var outcome = answering.submit(
                visit.entry(), visit.response(), page, request.answers(), language, visit.channel(), null);
        if (outcome instanceof Outcome.Invalid invalid) {
            request.status(HttpStatus.BAD_REQUEST.value());
            return page(visit, invalid.page(), language, invalid.answers(), invalid.errors(), request);
        }
        if (outcome instanceof Outcome.Refused) {
            return unavailable(visit, language, request);
        }
        return "redirect:" + visit.base() + (outcome instanceof Outcome.Done ? "/done" : "") + "?lang=" + language;
    }

    private String page(
            Visit visit,
            int page,
            String language,
            Map<String, Answer> answers,
            Map<String, String> errors,
            RespondentRequest request) {
        view.page(request.model(), visit.entry().survey(), page, language, answers, errors);
        view.brand(request.model(), visit.entry().survey(), visit.linkBase());
        request.model().addAttribute("action", visit.base() + "/" + page + "?lang=" + language);
        request.model().addAttribute("langParam", "lang");
        request.model().addAttribute("base", visit.base());
        return "feedback/respond";
    }

    private String thanks(Entry entry, String linkBase, RespondentRequest request) {
        var language = request.language(entry);
        request.model().addAttribute("lang", language);
        view.brand(request.model(), entry.survey(), linkBase);
        request.model()
                .addAttribute(
                        "thankYou",
                        entry.survey()
                                .definition()
                                .thankYou()
                                .in(language, entry.survey().defaultLanguage()));
        return "feedback/thanks";
    }

    private String unavailable(Visit visit, String language, RespondentRequest request) {
        var entry = visit.entry();
        view.brand(request.model(), entry.survey(), visit.linkBase());
        request.status(
                entry.access() == Entry.Access.NOT_ACTIVE ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
        request.model().addAttribute("lang", language);
        request.model()
                .addAttribute(
                        "titleKey", "respond.unavailable." + entry.access().name());
        request.model()
                .addAttribute(
                        "detailKey", "respond.unavailable." + entry.access().name() + ".detail");
        return "feedback/unavailable";
    }

    /** The unsubscribe page works for every link of the customer's, answered or expired. */
    private String unsubscribe(String token, boolean confirmed, RespondentRequest request) {
        var linkLanguage = invitations.languageOf(token).orElseThrow(() -> new NotFoundException("invitation", "…"));
        if (confirmed) {
            invitations.unsubscribe(token);
        }
        var language = request.language(linkLanguage);
        request.model().addAttribute("lang", language);
        request.model().addAttribute("action", "/i/" + token + "/unsubscribe?lang=" + language);
        request.model().addAttribute("done", confirmed);
        return "feedback/unsubscribe";
    }

    private Visit anonymous(String key, @Nullable String response) {
        var entry = publicEntry(key);
        var id = answering.responseId(entry, response);
        return new Visit(entry, id, "/s/" + key + "/" + id, "/s/" + key, ResponseChannel.LINK);
    }

    private Visit personal(String token) {
        var entry = personalEntry(token);
        var channel = entry.invitation() != null && entry.invitation().email() != null
                ? ResponseChannel.EMAIL
                : ResponseChannel.PERSONAL_LINK;
        return new Visit(entry, answering.responseId(entry, null), "/i/" + token, "/i/" + token, channel);
    }

    private ResponseEntity<byte[]> logo(Entry entry, long version, CacheControl caching) {
        return brandings
                .logo(entry.survey().workspaceId(), version)
                .map(logo -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(logo.type()))
                        .cacheControl(caching)
                        .body(logo.bytes()))
                .orElseThrow(() -> new NotFoundException("logo", entry.survey().publicKey()));
    }

    /** The colour as a custom property the survey stylesheet uses; the policy let only {@code #rrggbb} in. */
    private ResponseEntity<String> brandStyle(Entry entry, long version, CacheControl caching) {
        var colour = brandings.of(entry.survey().workspaceId(), version).colour();
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("text/css"))
                .cacheControl(caching)
                .body(colour == null ? "" : ":root { --brand: " + colour + "; }\n");
    }

    private Entry publicEntry(String key) {
        return answering.publicEntry(key).orElseThrow(() -> new NotFoundException("survey", key));
    }

    private Entry personalEntry(String token) {
        return answering.personalEntry(token).orElseThrow(() -> new NotFoundException("invitation", "…"));
    }
}
