package org.opencxm.touchpoints.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Role;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.touchpoints.TouchpointId;
import org.opencxm.touchpoints.internal.ImportJob;
import org.opencxm.touchpoints.internal.ImportKind;
import org.opencxm.touchpoints.internal.ImportRowError;
import org.opencxm.touchpoints.internal.Imports;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * CSV imports for automation: a nightly export from a shop or an ERP posts its file with the
 * column mapping, then polls the status and fetches the report of skipped rows. The same engine
 * and checks as Customers › Import.
 */
@RestController
@RequestMapping("/api/v1/imports")
@Secured({Role.ADMIN_AUTHORITY, Role.CX_MANAGER_AUTHORITY})
@Tag(name = "Imports", description = "CSV imports of customers, orders and interactions")
class ImportApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Imports imports;

    ImportApi(Imports imports) {
        this.imports = imports;
    }

    /**
     * Uploads a file and starts its import. The mapping (field → column) comes as a JSON object
     * in {@code mapping}, or as {@code map.<field>} parts as the upload form sends them; without
     * either, columns named like the fields are taken.
     */
    @PostMapping
    ResponseEntity<ImportJob> create(
            Actor actor,
            @RequestParam ImportKind kind,
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) @Nullable String mapping,
            @RequestParam(required = false) @Nullable UUID touchpoint,
            @RequestParam Map<String, String> parts)
            throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "imports.file.empty");
        }
        var name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
        var job = imports.importFile(
                actor.workspaceId(),
                kind,
                name,
                file.getInputStream(),
                mapping(mapping, parts),
                touchpoint == null ? null : new TouchpointId(touchpoint));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/imports/" + job.id()))
                .body(job);
    }

    @GetMapping
    List<ImportJob> list(Actor actor) {
        return imports.list(actor.workspaceId());
    }

    /** Status and counts; poll until {@code status} is DONE or FAILED. */
    @GetMapping("/{id}")
    ImportJob get(Actor actor, @PathVariable UUID id) {
        return imports.get(actor.workspaceId(), id);
    }

    /** The skipped rows, each with its row number, column and reason. */
    @GetMapping("/{id}/errors")
    List<ImportRowError> errors(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "1000") int limit) {
        return imports.errors(actor.workspaceId(), id, Math.max(1, Math.min(limit, 100_000)));
    }

    /** The same report as CSV, as the import page offers it. */
    @GetMapping("/{id}/errors.csv")
    void errorsCsv(Actor actor, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        ImportPages.writeErrors(imports.errors(actor.workspaceId(), id, Integer.MAX_VALUE), id, response);
    }

    private static @Nullable Map<String, String> mapping(@Nullable String json, Map<String, String> parts) {
        var mapping = new LinkedHashMap<String, String>();
        if (json != null && !json.isBlank()) {
            try {
                mapping.putAll(JSON.readValue(json, new TypeReference<Map<String, String>>() {}));
            } catch (JacksonException e) {
                throw new InvalidInputException("mapping", "imports.mapping.json");
            }
        }
        parts.forEach((key, value) -> {
            if (key.startsWith("map.") && !value.isBlank()) {
                mapping.put(key.substring(4), value);
            }
        });
        return mapping.isEmpty() ? null : mapping;
    }
}
