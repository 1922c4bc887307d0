package dev.trawl.fetch;

import java.io.IOException;

/**
 * Where body bytes come from, whatever the transport: a {@link BodySink} only reads and skips, so the same sink
 * (and its limits) serves every HTTP path.
 */
interface BodySource {
    /** Reads up to len bytes into dst; -1 at end of stream. */
    int read(byte[] dst, int off, int len) throws IOException;

    /** Reads and drops up to max bytes; returns how many, or -1 at end of stream. */
    long skip(long max) throws IOException;
}
