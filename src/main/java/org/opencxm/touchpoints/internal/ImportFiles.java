package org.opencxm.touchpoints.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
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
 * Uploaded CSV files on disk, read as a stream: UTF-8 (a byte-order mark is skipped), comma or
 * semicolon separated (German spreadsheets write semicolons), first row the header.
 */
@Component
class ImportFiles {

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

    CSVParser open(UUID job) throws IOException {
        var reader = Files.newBufferedReader(file(job), StandardCharsets.UTF_8);
        skipByteOrderMark(reader);
        char delimiter = delimiter(file(job));
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
    long countRows(UUID job) throws IOException {
        try (var parser = open(job)) {
            long rows = 0;
            for (var ignored : parser) {
                rows++;
            }
            return rows;
        }
    }

    private static void skipByteOrderMark(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private static char delimiter(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var header = reader.readLine();
            if (header == null) {
                return ',';
            }
            return header.chars().filter(c -> c == ';').count()
                            > header.chars().filter(c -> c == ',').count()
                    ? ';'
                    : ',';
        }
    }

    private Path file(UUID job) {
        return directory.resolve(job + ".csv");
    }
}
