package org.opencxm.touchpoints.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Role;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.SpreadsheetSafe;
import org.opencxm.touchpoints.TouchpointId;
import org.opencxm.touchpoints.Touchpoints;
import org.opencxm.touchpoints.internal.ImportFileRejected;
import org.opencxm.touchpoints.internal.ImportJob;
import org.opencxm.touchpoints.internal.ImportKind;
import org.opencxm.touchpoints.internal.ImportRowError;
import org.opencxm.touchpoints.internal.Imports;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Customers › Import: upload a CSV file, map its columns, watch the progress, read the report. */
@Controller
@RequestMapping("/imports")
@Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY})
class ImportPages {

    static final int SHOWN_ERRORS = 200;

    private final Imports imports;
    private final Touchpoints touchpoints;

    ImportPages(Imports imports, Touchpoints touchpoints) {
        this.imports = imports;
        this.touchpoints = touchpoints;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        model.addAttribute("jobs", imports.list(actor.workspaceId()));
        model.addAttribute("kinds", ImportKind.values());
        return "touchpoints/imports";
    }

    @PostMapping
    String upload(
            Actor actor,
            @RequestParam ImportKind kind,
            @RequestParam("file") MultipartFile file,
            Model model,
            HttpServletResponse response)
            throws IOException {
        try {
            if (file.isEmpty()) {
                throw new InvalidInputException("file", "imports.file.empty");
            }
            var name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
            var job = imports.upload(actor.workspaceId(), kind, name, file.getInputStream());
            return "redirect:/imports/" + job.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorRow", e instanceof ImportFileRejected rejected ? rejected.row() : null);
            return list(actor, model);
        }
    }

    @GetMapping("/{id}")
    String show(Actor actor, @PathVariable UUID id, Model model) {
        var job = imports.get(actor.workspaceId(), id);
        model.addAttribute("job", job);
        if (job.status() == ImportJob.Status.UPLOADED) {
            try {
                model.addAttribute("preview", imports.preview(actor.workspaceId(), id));
                model.addAttribute("touchpoints", touchpoints.list(actor.workspaceId()));
            } catch (ImportFileRejected e) {
                model.addAttribute("fileError", e.messageKey());
            }
        } else {
            model.addAttribute("errors", imports.errors(actor.workspaceId(), id, SHOWN_ERRORS));
        }
        return "touchpoints/import";
    }

    @PostMapping("/{id}/start")
    String start(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam Map<String, String> form,
            @RequestParam(required = false) @Nullable UUID touchpoint,
            Model model,
            HttpServletResponse response) {
        var mapping = new LinkedHashMap<String, String>();
        form.forEach((key, value) -> {
            if (key.startsWith("map.") && !value.isBlank()) {
                mapping.put(key.substring(4), value);
            }
        });
        try {
            imports.start(actor.workspaceId(), id, mapping, touchpoint == null ? null : new TouchpointId(touchpoint));
            return "redirect:/imports/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("mappingError", e.messageKey());
            model.addAttribute("mappingField", e.field());
            return show(actor, id, model);
        }
    }

    /** The full report of skipped rows; cells that a spreadsheet would run as formulas are neutralized. */
    @GetMapping("/{id}/errors.csv")
    void errors(Actor actor, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        writeErrors(imports.errors(actor.workspaceId(), id, Integer.MAX_VALUE), id, response);
    }

    static void writeErrors(java.util.List<ImportRowError> errors, UUID id, HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"");
        try (var printer = SpreadsheetSafe.csv("row", "column", "reason")
                .print(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8))) {
            for (var error : errors) {
                printer.printRecord(error.row(), SpreadsheetSafe.cell(error.column()), error.reason());
            }
        }
    }
}
