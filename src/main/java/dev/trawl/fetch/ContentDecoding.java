package dev.trawl.fetch;

import dev.trawl.memory.MemoryBudget;
import java.io.IOException;

/**
 * Undoes a Content-Encoding outside a fetch: `trawl extract` reads stored bodies (kept as received) the way the
 * crawl's parser read them when they were fetched.
 */
public final class ContentDecoding {
    private ContentDecoding() {}

    /**
     * The decoded bytes of raw (gzip, x-gzip, deflate or identity), charged to the current memory claim; at most limit
     * of them, else a {@link BodyTooLargeException}; an IOException for corrupt data or an unknown coding.
     */
    public static byte[] decode(String contentEncoding, byte[] raw, long limit) throws IOException {
        return ContentDecoder.decode(contentEncoding, raw, raw.length, limit, MemoryBudget.current());
    }
}
