package org.opencxm.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.internal.Entry;
import org.opencxm.platform.Language;
import org.springframework.core.MethodParameter;
import org.springframework.ui.Model;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * What every respondent page takes from its request: the language asked for ({@code ?lang}),
 * the servlet request and response, and the model. Respondent handlers declare it as one
 * parameter instead of four.
 */
record RespondentRequest(@Nullable String lang, HttpServletRequest request, HttpServletResponse response, Model model) {

    /**
     * The respondent's language, which also becomes the language of the page's own texts
     * (buttons, errors): the one asked for, else the customer's, else the browser's, else the
     * survey's default.
     */
    String language(Entry entry) {
        return speak(entry.language(lang, request.getLocale().getLanguage()));
    }

    /** The language asked for, else the given one; the page's own texts follow it. */
    String language(String otherwise) {
        return speak(Language.parse(lang).map(Language::tag).orElse(otherwise));
    }

    private String speak(String language) {
        // this page only: the language cookie belongs to staff pages and the sign-in page
        request.setAttribute(Language.PAGE_LANGUAGE, Locale.forLanguageTag(language));
        return language;
    }

    void status(int status) {
        response.setStatus(status);
    }

    /** The submitted answers: the fields named {@code q.…}. */
    Map<String, List<String>> answers() {
        var form = new LinkedHashMap<String, List<String>>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith("q.")) {
                form.put(name, Arrays.asList(values));
            }
        });
        return form;
    }

    @Nullable
    String parameter(String name) {
        return request.getParameter(name);
    }

    /** Lets handlers declare the record. */
    static final class Resolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType().equals(RespondentRequest.class);
        }

        @Override
        public RespondentRequest resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer mavContainer,
                NativeWebRequest webRequest,
                WebDataBinderFactory binderFactory) {
            return new RespondentRequest(
                    webRequest.getParameter("lang"),
                    webRequest.getNativeRequest(HttpServletRequest.class),
                    webRequest.getNativeResponse(HttpServletResponse.class),
                    (Model) mavContainer.getModel()); // a BindingAwareModelMap, which is a Model
        }
    }
}
