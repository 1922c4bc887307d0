package dev.trawl.warc;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/**
 * {@code trawl export --format warc}: the same records the crawl's archive writes, made from stored captures (the
 * URL, fetch time, response head and body as received; the request too when the store kept it), into one gzip
 * WARC/1.1 stream that starts with a warcinfo record. Records are encoded one at a time, so memory holds one
 * capture however long the export. Not thread-safe: one exporting thread. Does not close the stream.
 */
public final class WarcExport {
    private final OutputStream out;
    private final RecordEncoder encoder;
    private long captures;

    private WarcExport(OutputStream out, long maxBodyBytes) {
        this.out = out;
        this.encoder = new RecordEncoder(maxBodyBytes);
    }

    /**
     * Starts an export: writes the warcinfo record naming {@code filename} (the output file's name, or e.g.
     * {@code "-"} for standard output). Bodies longer than {@code maxBodyBytes} are cut and marked truncated.
     */
    public static WarcExport start(OutputStream out, String filename, WarcInfo info, long maxBodyBytes,
                                   Instant now) throws IOException {
        out.write(RecordEncoder.warcinfo(filename, info, now));
        return new WarcExport(out, maxBodyBytes);
    }

    /** Writes one stored capture as its response record (after its request record, when the request is known). */
    public void add(WarcExchange capture) throws IOException {
        out.write(encoder.capture(capture));
        captures++;
    }

    /** Writes a stored capture whose payload was unchanged from an earlier one as a revisit record. */
    public void addRevisit(WarcExchange capture, Revisit earlier) throws IOException {
        out.write(encoder.revisit(capture, earlier));
        captures++;
    }

    /** Captures written so far. */
    public long captures() {
        return captures;
    }

    /** Pushes buffered bytes to the stream, without closing it. */
    public void finish() throws IOException {
        out.flush();
    }
}
