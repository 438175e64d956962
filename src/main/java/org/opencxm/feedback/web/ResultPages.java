package org.opencxm.feedback.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.SurveyId;
import org.opencxm.feedback.internal.ResponseExport;
import org.opencxm.feedback.internal.SurveyEvaluation;
import org.opencxm.feedback.internal.Surveys;
import org.opencxm.platform.Actor;
import org.opencxm.platform.AnyRole;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.Role;
import org.opencxm.platform.common.SpreadsheetSafe;
import org.opencxm.touchpoints.Touchpoints;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A survey's results with filters, and the CSV export of its responses. */
@Controller
class ResultPages {

    private final Surveys surveys;
    private final SurveyEvaluation evaluation;
    private final ResponseExport export;
    private final Touchpoints touchpoints;

    ResultPages(Surveys surveys, SurveyEvaluation evaluation, ResponseExport export, Touchpoints touchpoints) {
        this.surveys = surveys;
        this.evaluation = evaluation;
        this.export = export;
        this.touchpoints = touchpoints;
    }

    @GetMapping("/feedback/surveys/{id}/results")
    @AnyRole
    String results(Actor actor, @PathVariable UUID id, ResponseFilterParams query, Model model) {
        var survey = surveys.get(actor.workspaceId(), new SurveyId(id));
        model.addAttribute("survey", survey);
        model.addAttribute("results", evaluation.of(actor.workspaceId(), survey.id(), query.filter(actor)));
        model.addAttribute("from", query.from());
        model.addAttribute("to", query.to());
        model.addAttribute("touchpointId", query.touchpointId());
        model.addAttribute("stage", query.stage());
        model.addAttribute("touchpoints", touchpoints.list(actor.workspaceId()));
        model.addAttribute("stages", LifecycleStage.values());
        model.addAttribute("language", LocaleContextHolder.getLocale().getLanguage());
        return "feedback/results";
    }

    @GetMapping("/feedback/surveys/{id}/responses.csv")
    @Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY})
    void responses(
            Actor actor,
            @PathVariable UUID id,
            ResponseFilterParams query,
            @RequestParam(required = false) @Nullable String format,
            HttpServletResponse response)
            throws IOException {
        ResultApi.write(
                export,
                actor.workspaceId(),
                new SurveyId(id),
                query.filter(actor),
                SpreadsheetSafe.Dialect.parse(format),
                actor.timeZone(),
                response);
    }
}
