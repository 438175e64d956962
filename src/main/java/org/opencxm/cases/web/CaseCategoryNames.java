package org.opencxm.cases.web;

import java.util.Locale;
import org.opencxm.cases.internal.CaseCategories;
import org.opencxm.cases.internal.CaseRules;
import org.opencxm.platform.CurrentActor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The names of categories on the pages ({@code ${@caseCategoryNames.name(key)}}): the name the
 * workspace gave it in the reader's language, else the built-in one's usual name, else the key.
 * The workspace's taxonomy is read once per request.
 */
@Component("caseCategoryNames")
public class CaseCategoryNames {

    private static final String TAXONOMY = CaseCategoryNames.class.getName();

    private final CaseRules rules;
    private final MessageSource messages;

    CaseCategoryNames(CaseRules rules, MessageSource messages) {
        this.rules = rules;
        this.messages = messages;
    }

    public String name(String key) {
        return name(taxonomy(), key, LocaleContextHolder.getLocale());
    }

    String name(CaseCategories taxonomy, String key, Locale locale) {
        var own = taxonomy.find(key).map(c -> c.name(locale)).orElse(null);
        return own != null ? own : messages.getMessage("case.category." + key, null, key, locale);
    }

    private CaseCategories taxonomy() {
        var request = RequestContextHolder.getRequestAttributes();
        if (request != null
                && request.getAttribute(TAXONOMY, RequestAttributes.SCOPE_REQUEST) instanceof CaseCategories read) {
            return read;
        }
        var taxonomy = CurrentActor.get()
                .map(actor -> rules.categories(actor.workspaceId()))
                .orElse(CaseCategories.DEFAULTS);
        if (request != null) {
            request.setAttribute(TAXONOMY, taxonomy, RequestAttributes.SCOPE_REQUEST);
        }
        return taxonomy;
    }
}
