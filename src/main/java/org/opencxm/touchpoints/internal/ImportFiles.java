package org.opencxm.touchpoints.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Uploaded CSV files on disk, read as a stream: comma or semicolon separated (German
 * spreadsheets write semicolons), first row the header, UTF-8 (a byte-order mark is skipped)
 * or, when the file is not valid UTF-8, Windows-1252, which is what Excel writes for "CSV
 * (Trennzeichen-getrennt)". Each upload is checked whole before it is accepted, so that an
 * import cannot fail halfway on a byte or a quote the preview did not show.
 */
@Component
class ImportFiles {

    /** The column names of a spreadsheet, not a document: longer first rows are refused. */
    static final int MAX_HEADER_CHARS = 64 * 1024;

    static final int MAX_COLUMNS = 200;

    /**
     * Far above the 32 KB an imported row may hold: a longer record is an unclosed quote, whose
     * rest of the file the parser would otherwise hold in memory.
     */
    static final int MAX_RECORD_CHARS = 1024 * 1024;

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** What the check of an upload found. */
    record Shape(Charset encoding, long rows) {}

    private final Path directory;

    ImportFiles(@Value("${opencxm.imports.dir}") Path directory) {
        this.directory = directory;
    }

    void store(UUID job, InputStream content) {
        try {
            Files.createDirectories(directory);
            Files.copy(content, file(job), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the uploaded file", e);
        }
    }

    /**
     * Reads the whole file once: its encoding, a header of at most {@value #MAX_COLUMNS} columns
     * within {@value #MAX_HEADER_CHARS} characters, and every record well-formed.
     *
     * @throws ImportFileRejected saying what is wrong, and in which row
     */
    Shape inspect(UUID job) {
        try {
            var encoding = isUtf8(file(job)) ? StandardCharsets.UTF_8 : WINDOWS_1252;
            var header = firstLine(job, encoding);
            if (header == null || header.isBlank()) {
                throw new ImportFileRejected("imports.file.empty", null);
            }
            var guard = new RecordSizeGuard(reader(job, encoding), MAX_RECORD_CHARS);
            try (var parser = parse(guard, firstLine(job, encoding))) {
                if (parser.getHeaderNames().size() > MAX_COLUMNS) {
                    throw new ImportFileRejected("imports.file.tooManyColumns", null);
                }
                long rows = 0;
                try {
                    for (var ignored : parser) {
                        rows++;
                        guard.recordEnded();
                    }
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new ImportFileRejected("imports.file.malformed", rows + 2);
                }
                return new Shape(encoding, rows);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new ImportFileRejected("imports.file.invalid", null);
        }
    }

    boolean exists(UUID job) {
        return Files.exists(file(job));
    }

    void delete(UUID job) {
        try {
            Files.deleteIfExists(file(job));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CSVParser open(UUID job, Charset encoding) throws IOException {
        return parse(reader(job, encoding), firstLine(job, encoding));
    }

    private static CSVParser parse(Reader source, String header) throws IOException {
        var reader = source instanceof BufferedReader buffered ? buffered : new BufferedReader(source);
        skipByteOrderMark(reader);
        char delimiter = delimiter(header);
        return CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setAllowMissingColumnNames(true)
                .get()
                .parse(reader);
    }

    /** Data rows, for the progress bar: one pass over the records, holding none of them. */
    long countRows(UUID job, Charset encoding) throws IOException {
        try (var parser = open(job, encoding)) {
            long rows = 0;
            for (var ignored : parser) {
                rows++;
            }
            return rows;
        }
    }

    /** Checked, so decoding cannot fail later; Windows-1252's five unassigned bytes read as U+FFFD. */
    private BufferedReader reader(UUID job, Charset encoding) throws IOException {
        var decoder = encoding.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file(job)), decoder));
    }

    private static boolean isUtf8(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (var reader = new InputStreamReader(Files.newInputStream(file), decoder)) {
            var buffer = new char[64 * 1024];
            while (reader.read(buffer) >= 0) {
                // decoding is the check
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The first line, or {@code null} for an empty file; refused when longer than the header limit. */
    private String firstLine(UUID job, Charset encoding) throws IOException {
        try (var reader = reader(job, encoding)) {
            skipByteOrderMark(reader);
            var line = new StringBuilder();
            for (int c = reader.read(); c >= 0 && c != '\n' && c != '\r'; c = reader.read()) {
                if (line.length() == MAX_HEADER_CHARS) {
                    throw new ImportFileRejected("imports.file.headerTooLong", null);
                }
                line.append((char) c);
            }
            return line.isEmpty() && reader.read() < 0 ? null : line.toString();
        }
    }

    private static void skipByteOrderMark(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private static char delimiter(String header) {
        if (header == null) {
            return ',';
        }
        return header.chars().filter(c -> c == ';').count()
                        > header.chars().filter(c -> c == ',').count()
                ? ';'
                : ',';
    }

    private Path file(UUID job) {
        return directory.resolve(job + ".csv");
    }
}
