package org.opencxm.touchpoints.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.Ids;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.NotFoundException;
import org.opencxm.touchpoints.TouchpointId;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * CSV imports for offline touchpoints: upload, preview with a proposed mapping, then an import in
 * the background with progress. Rows that fail validation are skipped and reported (row, column,
 * reason); valid rows are imported. Importing the same file again creates no duplicates.
 */
@Service
public class Imports {

    static final int PREVIEW_ROWS = 10;
    static final int PREVIEW_CELL = 200;

    private final ImportStore store;
    private final ImportFiles files;
    private final ImportRunner runner;
    private final TouchpointStore touchpoints;

    Imports(ImportStore store, ImportFiles files, ImportRunner runner, TouchpointStore touchpoints) {
        this.store = store;
        this.files = files;
        this.runner = runner;
        this.touchpoints = touchpoints;
    }

    /**
     * Stores an upload once it has been read whole: encoding, header and every record. A file
     * that cannot be imported is refused now, with the row that shows it, rather than halfway.
     */
    public ImportJob upload(WorkspaceId workspace, ImportKind kind, String fileName, InputStream content) {
        var id = Ids.next();
        files.store(id, content);
        ImportFiles.Shape shape;
        try {
            shape = files.inspect(id);
        } catch (RuntimeException e) {
            files.delete(id);
            throw e;
        }
        store.insert(workspace, id, kind, displayName(fileName), shape);
        return get(workspace, id);
    }

    /**
     * Uploads and starts in one step, for automation (a nightly export from a shop or an ERP):
     * the same checks as the upload page, and nothing is left behind when the file or the
     * mapping is refused.
     *
     * @param mapping field name → column; {@code null} takes the columns named like the fields
     */
    public ImportJob importFile(
            WorkspaceId workspace,
            ImportKind kind,
            String fileName,
            InputStream content,
            @Nullable Map<String, String> mapping,
            @Nullable TouchpointId touchpoint) {
        var job = upload(workspace, kind, fileName, content);
        try {
            return start(
                    workspace,
                    job.id(),
                    mapping != null ? mapping : preview(workspace, job.id()).suggested(),
                    touchpoint);
        } catch (RuntimeException e) {
            store.deleteUnstarted(workspace, job.id());
            files.delete(job.id());
            throw e;
        }
    }

    /**
     * The first rows, each cell cut to {@value #PREVIEW_CELL} characters: enough to choose columns.
     *
     * @throws ImportFileRejected for a file uploaded before uploads were checked whole
     */
    public ImportPreview preview(WorkspaceId workspace, UUID id) {
        var job = get(workspace, id);
        try (var parser = files.open(id, job.encoding())) {
            var headers = parser.getHeaderNames().stream().map(Imports::cut).toList();
            var rows = new ArrayList<List<String>>();
            for (var record : parser) {
                if (rows.size() == PREVIEW_ROWS) {
                    break;
                }
                rows.add(record.stream().limit(headers.size()).map(Imports::cut).toList());
            }
            return new ImportPreview(job, parser.getHeaderNames(), rows, suggest(job.kind(), headers));
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new ImportFileRejected("imports.file.malformed", null);
        }
    }

    private static String cut(String cell) {
        return cell.length() <= PREVIEW_CELL ? cell : cell.substring(0, PREVIEW_CELL) + "…";
    }

    /** The name as the browser sent it, without path, control characters or excess length. */
    static String displayName(String fileName) {
        var name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        return name.isEmpty() ? "upload.csv" : name;
    }

    /**
     * Starts the import in the background.
     *
     * @param mapping field name → column of the file; every required field must be mapped
     */
    public ImportJob start(
            WorkspaceId workspace, UUID id, Map<String, String> mapping, @Nullable TouchpointId touchpoint) {
        var preview = preview(workspace, id);
        if (preview.job().status() != ImportJob.Status.UPLOADED) {
            throw new InvalidInputException("status", "imports.alreadyStarted");
        }
        for (var field : preview.job().kind().fields()) {
            var column = mapping.get(field.name());
            if (field.required() && (column == null || column.isBlank())) {
                throw new InvalidInputException(field.name(), "imports.mapping.required");
            }
            if (column != null && !column.isBlank() && !preview.headers().contains(column)) {
                throw new InvalidInputException(field.name(), "imports.mapping.unknownColumn");
            }
        }
        if (touchpoint != null && touchpoints.find(workspace, touchpoint).isEmpty()) {
            throw new InvalidInputException("touchpoint", "imports.touchpoint.unknown");
        }
        if (!store.start(workspace, id, mapping, touchpoint == null ? null : touchpoint.value())) {
            throw new InvalidInputException("status", "imports.alreadyStarted");
        }
        runner.run(workspace, id);
        return get(workspace, id);
    }

    /** Imports cut short by a crash start again; their files are still on this node. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted() {
        store.running().stream()
                .filter(job -> files.exists(job.id()))
                .forEach(job -> runner.run(job.workspaceId(), job.id()));
    }

    public ImportJob get(WorkspaceId workspace, UUID id) {
        return store.find(workspace, id).orElseThrow(() -> new NotFoundException("import", id));
    }

    public List<ImportJob> list(WorkspaceId workspace) {
        return store.latest(workspace, 50);
    }

    public List<ImportRowError> errors(WorkspaceId workspace, UUID id, int limit) {
        get(workspace, id);
        return store.errors(workspace, id, limit);
    }

    /** Proposes for each field the column whose name matches it best (case, spaces, _ and - ignored). */
    static Map<String, String> suggest(ImportKind kind, List<String> headers) {
        var suggested = new LinkedHashMap<String, String>();
        for (var field : kind.fields()) {
            var wanted = normalize(field.name());
            headers.stream()
                    .filter(header -> normalize(header).equals(wanted)
                            || Synonyms.of(field.name()).contains(normalize(header)))
                    .findFirst()
                    .ifPresent(header -> suggested.put(field.name(), header));
        }
        return suggested;
    }

    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
    }

    /** Common German and English column names for each field. */
    private static final class Synonyms {

        private static final Map<String, List<String>> NAMES = Map.of(
                "customerId", List.of("kundennummer", "kundenid", "kunde", "customer", "userid", "customerno", "kdnr"),
                "email", List.of("mail", "emailadresse", "emailaddress"),
                "firstName", List.of("vorname", "firstname", "givenname"),
                "lastName", List.of("nachname", "lastname", "surname", "familyname"),
                "orderId", List.of("bestellnummer", "auftragsnummer", "order", "ordernumber", "orderno"),
                "date", List.of("datum", "orderdate", "bestelldatum", "timestamp", "zeitpunkt"),
                "revenue", List.of("umsatz", "betrag", "amount", "total", "summe"),
                "margin", List.of("marge", "deckungsbeitrag", "db"),
                "returned", List.of("retoure", "zurückgesendet", "return"),
                "interaction", List.of("art", "typ", "type", "kontaktart", "event"));

        static List<String> of(String field) {
            return NAMES.getOrDefault(field, List.of());
        }
    }
}
