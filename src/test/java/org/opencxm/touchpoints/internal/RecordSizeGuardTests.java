package org.opencxm.touchpoints.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

/** An unclosed quote stops the parser near the limit, not at the end of the file. */
class RecordSizeGuardTests {

    @Test
    void anUnclosedQuoteStopsReadingAtTheLimit() throws Exception {
        var rest = "x".repeat(4 * 1024 * 1024);
        var source = new CountingReader("a,b\n1,2\n\"3," + rest);
        var guard = new RecordSizeGuard(source, 64 * 1024);

        try (var parser = CSVFormat.DEFAULT.parse(guard)) {
            var records = parser.iterator();
            assertThat(records.next().get(0)).isEqualTo("a");
            guard.recordEnded();
            assertThatThrownBy(() -> {
                        while (records.hasNext()) {
                            records.next();
                            guard.recordEnded();
                        }
                    })
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("longer than 65536");
        }
        assertThat(source.read).isLessThan(128 * 1024);
    }

    @Test
    void longFilesOfShortRecordsPass() throws Exception {
        var csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append(i).append(",\"quoted, text\"\n");
        }
        var guard = new RecordSizeGuard(new StringReader(csv.toString()), 64 * 1024);
        long rows = 0;
        try (var parser = CSVFormat.DEFAULT.parse(guard)) {
            for (var ignored : parser) {
                rows++;
                guard.recordEnded();
            }
        }
        assertThat(rows).isEqualTo(50_001);
    }

    private static final class CountingReader extends StringReader {

        long read;

        CountingReader(String text) {
            super(text);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws java.io.IOException {
            int n = super.read(buffer, offset, length);
            read += Math.max(n, 0);
            return n;
        }
    }
}
