package dev.trawl.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A response as received, kept with {@code --store-bodies} so that a crawl can be re-extracted or exported to WARC
 * without fetching again: the head (status line and headers, as the transport gave them) and the body bytes as they
 * came (content coding kept, transfer coding undone), zlib-compressed by trawl unless the server had compressed them
 * already (then compressing again would only cost CPU).
 *
 * @param head   status line and headers, CRLF-terminated, ending in an empty line
 * @param coding {@link #DEFLATE} when trawl compressed the bytes, {@link #AS_RECEIVED} when they are as they came
 * @param bytes  what the store keeps
 */
public record StoredBody(String head, String coding, byte[] bytes) {
    public static final String DEFLATE = "deflate";
    public static final String AS_RECEIVED = "identity";

    /**
     * Keeps raw[0, length). compressed: the server sent them with a Content-Encoding (gzip, deflate, br), so they are
     * kept as they are. Fastest zlib level: bodies are many and the writer must not wait for them.
     */
    public static StoredBody of(String head, byte[] raw, int length, boolean compressed) {
        if (compressed) return new StoredBody(head, AS_RECEIVED, Arrays.copyOf(raw, length));
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw, 0, length);
            deflater.finish();
            var out = new ByteArrayOutputStream(Math.max(64, length / 4));
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return new StoredBody(head, DEFLATE, out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    /**
     * The body as received (content coding kept). Stored bytes are the database's, but a damaged row must not take
     * the reader's memory: at most limit bytes are inflated, more is an IOException.
     */
    public byte[] received(long limit) throws IOException {
        if (!DEFLATE.equals(coding)) return bytes;
        // one Inflater over the whole array into a buffer sized from the stored length: InflaterInputStream's
        // 512-byte reads and readNBytes' chunk list cost more than the inflating (measured in trawl extract)
        long cap = Math.min(Integer.MAX_VALUE - 8, limit + 1);
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes);
            byte[] out = new byte[(int) Math.min(cap, Math.max(1024, 4L * bytes.length))];
            int length = 0;
            while (!inflater.finished()) {
                if (length == out.length) {
                    if (out.length >= cap) throw new IOException("stored body inflates past " + limit + " bytes");
                    out = Arrays.copyOf(out, (int) Math.min(cap, 2L * out.length));
                }
                int inflated = inflater.inflate(out, length, out.length - length);
                if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("stored body is cut short");
                }
                length += inflated;
            }
            if (length > limit) throw new IOException("stored body inflates past " + limit + " bytes");
            return length == out.length ? out : Arrays.copyOf(out, length);
        } catch (DataFormatException e) {
            throw new IOException("stored body is not zlib: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** The value of the head's first header of this name, or null. */
    public String header(String name) {
        int n = head.length();
        for (int line = 0; line < n; ) {
            int end = head.indexOf("\r\n", line);
            if (end < 0) end = n;
            int colon = head.indexOf(':', line);
            if (colon > line && colon < end && head.substring(line, colon).trim().equalsIgnoreCase(name)) {
                return head.substring(colon + 1, end).trim();
            }
            line = end + 2;
        }
        return null;
    }
}
