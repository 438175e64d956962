package org.opencxm.journeys.web;

import java.util.LinkedHashMap;
import org.opencxm.platform.common.InvalidInputException;
import org.springframework.ui.Model;

/** A refused input on a journeys page: one message per field, for the page to mark and list. */
final class FieldProblems {

    private FieldProblems() {}

    static void show(InvalidInputException e, Model model) {
        var problems = new LinkedHashMap<String, String>();
        e.problems().forEach(p -> problems.putIfAbsent(p.field(), p.messageKey()));
        model.addAttribute("problems", problems);
    }
}
