package org.opencxm.cases.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.opencxm.cases.internal.CaseLetters;
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
 * Settings › Cases › Letters: the workspace words the letters to its customers itself, part by
 * part in German and English. Each field shows OpenCXM's wording until the workspace writes its
 * own; emptying a field brings OpenCXM's back.
 */
@Controller
@RequestMapping("/settings/cases/letters")
@Secured(Role.ADMIN_AUTHORITY)
class CaseLetterPages {

    private final CaseLetters letters;

    CaseLetterPages(CaseLetters letters) {
        this.letters = letters;
    }

    /** Every field holds the workspace's text, else OpenCXM's, ready to be changed word by word. */
    @GetMapping
    String show(Actor actor, Model model) {
        var own = letters.own(actor.workspaceId());
        var form = new HashMap<String, String>();
        for (var letter : CaseLetters.CATALOG) {
            for (var part : letter.parts()) {
                for (var language : CaseLetters.LANGUAGES) {
                    var key = part.key() + "." + language;
                    form.put("text." + key, own.getOrDefault(key, letters.standard(part, language)));
                }
            }
        }
        return page(model, form);
    }

    @PostMapping
    String save(Actor actor, @RequestParam Map<String, String> fields, Model model, HttpServletResponse response) {
        var texts = new HashMap<String, String>();
        fields.forEach((name, text) -> {
            if (name.startsWith("text.")) {
                texts.put(name.substring("text.".length()), text);
            }
        });
        try {
            letters.save(actor.workspaceId(), texts);
            return "redirect:/settings/cases/letters?saved";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problems", e.byField());
            return page(model, fields);
        }
    }

    private String page(Model model, Map<String, String> form) {
        var standard = new HashMap<String, String>();
        for (var letter : CaseLetters.CATALOG) {
            for (var part : letter.parts()) {
                for (var language : CaseLetters.LANGUAGES) {
                    standard.put(part.key() + "." + language, letters.standard(part, language));
                }
            }
        }
        model.addAttribute("catalog", CaseLetters.CATALOG);
        model.addAttribute("letterLanguages", CaseLetters.LANGUAGES);
        model.addAttribute("standard", standard);
        model.addAttribute("form", form);
        return "cases/letters";
    }
}
