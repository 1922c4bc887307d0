package dev.trawl.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes Content-Encoding, which the JDK HttpClient leaves to us. The limit applies to the decoded bytes, so
 * a small compressed body that inflates past --max-body (a zip bomb) is too large as well.
 */
final class ContentDecoder {
    private ContentDecoder() {}

    /** Decoded bytes, exactly sized (raw itself when it already is); throws BodyTooLargeException past limit, IOException on corrupt data. */
    static byte[] decode(String contentEncoding, byte[] raw, int length, long limit) throws IOException {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "", "identity" -> length == raw.length ? raw : Arrays.copyOf(raw, length);
            case "gzip", "x-gzip" -> readAll(new GZIPInputStream(new ByteArrayInputStream(raw, 0, length)), limit);
            case "deflate" -> inflate(raw, length, limit);
            default -> throw new IOException("unsupported Content-Encoding: " + encoding);
        };
    }

    /** "deflate" should be zlib-wrapped, but some servers send a raw deflate stream: try both, as browsers do. */
    private static byte[] inflate(byte[] raw, int length, long limit) throws IOException {
        try {
            return readAll(new InflaterInputStream(new ByteArrayInputStream(raw, 0, length)), limit);
        } catch (BodyTooLargeException e) {
            throw e;
        } catch (IOException zlibFailed) {
            Inflater rawInflater = new Inflater(true);
            try {
                return readAll(new InflaterInputStream(new ByteArrayInputStream(raw, 0, length), rawInflater), limit);
            } finally {
                rawInflater.end();
            }
        }
    }

    private static byte[] readAll(InputStream in, long limit) throws IOException {
        try (in) {
            byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (out.length > limit) throw new BodyTooLargeException(limit);
            return out;
        }
    }
}
