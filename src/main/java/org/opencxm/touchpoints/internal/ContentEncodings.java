package org.opencxm.touchpoints.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Undoes the {@code Content-Encoding} tracking libraries use to save bandwidth (RudderStack's
 * libraries gzip by default). The limit applies to what comes out: a few kilobytes of gzip can
 * unpack to gigabytes, so reading stops one byte past {@link CollectionLimits#MAX_REQUEST_BYTES}.
 */
public final class ContentEncodings {

    private ContentEncodings() {}

    /**
     * @param body the bytes as received, at most one past the request limit
     * @return the body as the client wrote it, at most one byte past the request limit
     * @throws CollectionRejected 415 for an encoding other than gzip and deflate, 400 for a body
     *     that is not what its encoding says or that is too large, packed or unpacked
     */
    public static byte[] decode(byte[] body, @Nullable String contentEncoding) {
        var encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        if (body.length > CollectionLimits.MAX_REQUEST_BYTES) {
            throw CollectionRejected.badRequest("body", "collection.request.tooLarge");
        }
        Inflater inflater = null;
        try {
            InputStream decoded;
            switch (encoding) {
                case "", "identity" -> {
                    return body;
                }
                case "gzip", "x-gzip" -> decoded = new GZIPInputStream(new ByteArrayInputStream(body));
                case "deflate" -> {
                    inflater = new Inflater(!zlibWrapped(body));
                    decoded = new InflaterInputStream(new ByteArrayInputStream(body), inflater);
                }
                default ->
                    throw new CollectionRejected(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            List.of(new FieldProblem("Content-Encoding", "collection.encoding.unsupported")));
            }
            try (decoded) {
                return decoded.readNBytes(CollectionLimits.MAX_REQUEST_BYTES + 1);
            }
        } catch (IOException e) {
            throw CollectionRejected.badRequest("body", "collection.encoding.invalid");
        } finally {
            if (inflater != null) {
                inflater.end(); // a stream given its inflater leaves the native memory to its owner
            }
        }
    }

    /** HTTP's deflate is zlib-wrapped; some clients send the raw stream. A zlib header tells. */
    private static boolean zlibWrapped(byte[] body) {
        return body.length >= 2 && (body[0] & 0x0f) == 8 && ((body[0] & 0xff) << 8 | (body[1] & 0xff)) % 31 == 0;
    }
}
