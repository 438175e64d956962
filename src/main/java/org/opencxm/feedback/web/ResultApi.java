package org.opencxm.feedback.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.SurveyId;
import org.opencxm.feedback.internal.ResponseExport;
import org.opencxm.feedback.internal.ResponseFilter;
import org.opencxm.feedback.internal.SurveyEvaluation;
import org.opencxm.feedback.internal.SurveyResults;
import org.opencxm.platform.Actor;
import org.opencxm.platform.AnyRole;
import org.opencxm.platform.Role;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.Workspaces;
import org.opencxm.platform.common.SpreadsheetSafe;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/surveys/{id}")
@Tag(
        name = "Survey results",
        description = "Response rate, NPS/CSAT/CES/stars with margin of error, distributions, export")
class ResultApi {

    private final SurveyEvaluation results;
    private final ResponseExport export;
    private final Workspaces workspaces;

    ResultApi(SurveyEvaluation results, ResponseExport export, Workspaces workspaces) {
        this.results = results;
        this.export = export;
        this.workspaces = workspaces;
    }

    /** The results; {@code from} and {@code to} are days in the caller's time zone, both included. */
    @GetMapping("/results")
    @AnyRole
    SurveyResults results(Actor actor, @PathVariable UUID id, @ParameterObject ResponseFilterParams query) {
        return results.of(actor.workspaceId(), new SurveyId(id), query.filter(actor));
    }

    /**
     * Every response as CSV; cells a spreadsheet would run as formulas are neutralized. {@code
     * format=excel-de} writes it for a German Excel (semicolons, decimal commas, local times, BOM),
     * {@code format=excel-en} for an English one (commas, decimal points, local times, BOM).
     */
    @GetMapping("/responses.csv")
    @Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY})
    void responses(
            Actor actor,
            @PathVariable UUID id,
            @ParameterObject ResponseFilterParams query,
            @RequestParam(required = false) @Nullable String format,
            HttpServletResponse response)
            throws IOException {
        var dialect = SpreadsheetSafe.Dialect.parse(format);
        // the API speaks UTC, but German Excel shows times as they were on the wall
        var zone =
                dialect.forSpreadsheet() ? workspaces.get(actor.workspaceId()).timeZone() : actor.timeZone();
        write(export, actor.workspaceId(), new SurveyId(id), query.filter(actor), dialect, zone, response);
    }

    static void write(
            ResponseExport export,
            WorkspaceId workspace,
            SurveyId survey,
            ResponseFilter filter,
            SpreadsheetSafe.Dialect dialect,
            ZoneId zone,
            HttpServletResponse response)
            throws IOException {
        var suffix = dialect.forSpreadsheet() ? "-excel" : "";
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"survey-" + survey + "-responses" + suffix + ".csv\"");
        var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        export.write(workspace, survey, filter, dialect, zone, writer);
        writer.flush();
    }
}
