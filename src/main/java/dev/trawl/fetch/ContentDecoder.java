package dev.trawl.fetch;

import dev.trawl.memory.MemoryBudget;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes Content-Encoding, which the JDK HttpClient leaves to us. The limit applies to the decoded bytes, so
 * a small compressed body that inflates past --max-body (a zip bomb) is too large as well; and the decoded bytes
 * grow in a {@link BodyBuffer} charged to the page's memory claim like the raw ones.
 */
final class ContentDecoder {
    private ContentDecoder() {}

    /** Whether a body with this Content-Encoding is its own decoded form. */
    static boolean isIdentity(String contentEncoding) {
        return contentEncoding == null || contentEncoding.isBlank() || contentEncoding.trim().equalsIgnoreCase("identity");
    }

    /**
     * Decoded bytes, exactly sized (raw itself when it already is; the claim then holds the decoded array and still
     * the raw one, which the caller releases); throws BodyTooLargeException past limit, IOException on corrupt data.
     */
    static byte[] decode(String contentEncoding, byte[] raw, int length, long limit, MemoryBudget.Claim claim)
            throws IOException {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "", "identity" -> {
                if (length == raw.length) yield raw;
                claim.adopt(length); // a copy of bytes already counted: made, never waited for
                yield java.util.Arrays.copyOf(raw, length);
            }
            case "gzip", "x-gzip" -> readAll(new GZIPInputStream(new ByteArrayInputStream(raw, 0, length)), limit, claim);
            case "deflate" -> inflate(raw, length, limit, claim);
            default -> throw new IOException("unsupported Content-Encoding: " + encoding);
        };
    }

    /** "deflate" should be zlib-wrapped, but some servers send a raw deflate stream: try both, as browsers do. */
    private static byte[] inflate(byte[] raw, int length, long limit, MemoryBudget.Claim claim) throws IOException {
        try {
            return readAll(new InflaterInputStream(new ByteArrayInputStream(raw, 0, length)), limit, claim);
        } catch (BodyTooLargeException | java.net.http.HttpTimeoutException e) {
            throw e;
        } catch (IOException zlibFailed) {
            Inflater rawInflater = new Inflater(true);
            try {
                return readAll(new InflaterInputStream(new ByteArrayInputStream(raw, 0, length), rawInflater), limit, claim);
            } finally {
                rawInflater.end();
            }
        }
    }

    private static byte[] readAll(InputStream in, long limit, MemoryBudget.Claim claim) throws IOException {
        var out = new BodyBuffer(limit, claim);
        try (in) {
            while (true) {
                int room = out.room(Integer.MAX_VALUE);
                int n = in.read(out.array(), out.length(), room);
                if (n < 0) return out.exact();
                out.advance(n);
            }
        } catch (IOException | RuntimeException e) {
            out.discard();
            throw e;
        }
    }
}
