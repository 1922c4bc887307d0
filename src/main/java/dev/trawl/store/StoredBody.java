package dev.trawl.store;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A response as received, kept with {@code --store-bodies} so that a crawl can be re-extracted or exported to WARC
 * without fetching again: the head (status line and headers, as the transport gave them) and the body bytes as they
 * came (content coding kept, transfer coding undone), zstd-compressed by trawl unless the server had compressed them
 * already (then compressing again would only cost CPU). Databases written before trawl used zstd hold zlib
 * ({@link #DEFLATE}); they are read as they are.
 *
 * @param head   status line and headers, CRLF-terminated, ending in an empty line
 * @param coding {@link #ZSTD} (or {@link #DEFLATE}) when trawl compressed the bytes, {@link #AS_RECEIVED} when they
 *               are as they came
 * @param bytes  what the store keeps
 */
public record StoredBody(String head, String coding, byte[] bytes) {
    public static final String ZSTD = "zstd";
    public static final String DEFLATE = "deflate";
    public static final String AS_RECEIVED = "identity";

    /**
     * zstd's fastest standard level: on the benchmark's 12 KB pages it costs a third of zlib level 1's CPU to compress
     * and about a third to decompress, for slightly smaller bodies (docs/BENCHMARKS.md).
     */
    private static final int LEVEL = 1;

    // a context holds zstd's working memory: made once per concurrent user, not per body
    private static final Queue<ZstdCompressCtx> COMPRESSORS = new ConcurrentLinkedQueue<>();
    private static final Queue<ZstdDecompressCtx> DECOMPRESSORS = new ConcurrentLinkedQueue<>();

    /**
     * Keeps raw[0, length). compressed: the server sent them with a Content-Encoding (gzip, deflate, br), so they are
     * kept as they are.
     */
    public static StoredBody of(String head, byte[] raw, int length, boolean compressed) {
        if (compressed) return new StoredBody(head, AS_RECEIVED, Arrays.copyOf(raw, length));
        ZstdCompressCtx ctx = COMPRESSORS.poll();
        if (ctx == null) ctx = new ZstdCompressCtx().setLevel(LEVEL).setContentSize(true);
        try {
            byte[] out = new byte[(int) Zstd.compressBound(length)];
            int size = ctx.compressByteArray(out, 0, out.length, raw, 0, length);
            return new StoredBody(head, ZSTD, Arrays.copyOf(out, size));
        } finally {
            COMPRESSORS.offer(ctx);
        }
    }

    /**
     * The body as received (content coding kept). Stored bytes are the database's, but a damaged row must not take
     * the reader's memory: at most limit bytes are decompressed, more is an IOException, as is a damaged row.
     */
    public byte[] received(long limit) throws IOException {
        return switch (coding) {
            case AS_RECEIVED -> bytes;
            case ZSTD -> unzstd(limit);
            case DEFLATE -> inflate(limit);
            default -> throw new IOException("stored body has an unknown coding: " + coding);
        };
    }

    private byte[] unzstd(long limit) throws IOException {
        long size = Zstd.getFrameContentSize(bytes); // trawl always writes it; negative: damaged
        if (size < 0) throw new IOException("stored body is not zstd");
        if (size > limit) throw new IOException("stored body decompresses past " + limit + " bytes");
        ZstdDecompressCtx ctx = DECOMPRESSORS.poll();
        if (ctx == null) ctx = new ZstdDecompressCtx();
        try {
            byte[] out = new byte[(int) size];
            int got = ctx.decompressByteArray(out, 0, out.length, bytes, 0, bytes.length);
            if (got != size) throw new IOException("stored body is cut short");
            return out;
        } catch (ZstdException e) {
            throw new IOException("stored body is not zstd: " + e.getMessage(), e);
        } finally {
            DECOMPRESSORS.offer(ctx);
        }
    }

    /** A zlib body of a database written before zstd. */
    private byte[] inflate(long limit) throws IOException {
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
                    if (out.length >= cap) throw new IOException("stored body decompresses past " + limit + " bytes");
                    out = Arrays.copyOf(out, (int) Math.min(cap, 2L * out.length));
                }
                int inflated = inflater.inflate(out, length, out.length - length);
                if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("stored body is cut short");
                }
                length += inflated;
            }
            if (length > limit) throw new IOException("stored body decompresses past " + limit + " bytes");
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
