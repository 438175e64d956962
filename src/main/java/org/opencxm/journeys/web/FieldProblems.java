package org.opencxm.journeys.web;

import org.opencxm.platform.common.InvalidInputException;
import org.springframework.ui.Model;

/** A refused input on a journeys page: one message per field, for the page to mark and list. */
final class FieldProblems {

    private FieldProblems() {}

    static void show(InvalidInputException e, Model model) {
        model.addAttribute("problems", e.byField());
    }
}
