package org.opencxm.touchpoints.internal;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops reading a CSV file when one record grows past a limit. An unclosed quote makes the
 * parser take the rest of the file as one value, held in memory; for an upload of 256 MB that
 * is half a gigabyte per request. The count includes the parser's read-ahead, a few kilobytes.
 */
final class RecordSizeGuard extends FilterReader {

    private final long limit;
    private long sinceRecord;

    RecordSizeGuard(Reader in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** The caller finished a record: the count starts again. */
    void recordEnded() {
        sinceRecord = 0;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        count(c < 0 ? 0 : 1);
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(n, 0));
        return n;
    }

    private void count(int chars) throws IOException {
        sinceRecord += chars;
        if (sinceRecord > limit) {
            throw new IOException("a record is longer than " + limit + " characters");
        }
    }
}
