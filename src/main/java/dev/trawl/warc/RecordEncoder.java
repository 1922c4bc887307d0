package dev.trawl.warc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Turns exchanges into WARC/1.1 records, each compressed as its own gzip member (so a reader can seek to any record
 * and a torn tail loses one record only), with jwarc's record builders and writer. Stateless and thread-safe: fetch
 * threads encode their own exchanges in parallel, and only the finished bytes go to the single file writer.
 */
final class RecordEncoder {
    private final long maxBodyBytes;

    RecordEncoder(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The request record (when the request is known) and the response record, linked by WARC-Concurrent-To. */
    byte[] capture(WarcExchange exchange) throws IOException {
        return gzipped(captureRecords(exchange));
    }

    /** {@link #capture}'s records, not yet serialized (the benchmark writes them through one shared writer). */
    WarcRecord[] captureRecords(WarcExchange exchange) throws IOException {
        WarcExchange e = exchange.limitedTo(maxBodyBytes);
        URI responseId = newId();
        WarcResponse.Builder response = new WarcResponse.Builder(e.targetUri())
                .payloadDigest(new WarcDigest(PayloadDigest.of(e)));
        captureFields(response, e, responseId);
        block(response, MediaType.HTTP_RESPONSE, e.responseHead(), e.body(), e.bodyLength());
        if (e.truncation() != Truncation.NONE) {
            response.truncated(WarcTruncationReason.valueOf(e.truncation().name()));
        }
        return afterRequest(e, response, responseId);
    }

    /**
     * A revisit record (with the request record before it, when known): the response head only, as WARC/1.1
     * section 6.7.2 advises, since the payload is the one of the capture referred to. A 304 is recorded with the
     * server-not-modified profile (and its body, which should be empty), any other status with
     * identical-payload-digest, which needs the digest.
     */
    byte[] revisit(WarcExchange exchange, Revisit of) throws IOException {
        WarcExchange e = exchange.limitedTo(maxBodyBytes);
        boolean notModified = statusOf(e.responseHead()) == 304;
        if (!notModified && of.payloadDigest() == null) {
            throw new IllegalArgumentException("an identical-payload-digest revisit needs the payload digest: " + e.targetUri());
        }
        URI revisitId = newId();
        WarcRevisit.Builder revisit = new WarcRevisit.Builder(e.targetUri(),
                notModified ? WarcRevisit.SERVER_NOT_MODIFIED_1_1 : WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1);
        captureFields(revisit, e, revisitId);
        revisit.addHeader("WARC-Refers-To-Target-URI", of.refersToTargetUri())
                .addHeader("WARC-Refers-To-Date", warcDate(of.refersToDate()).toString());
        if (of.payloadDigest() != null) {
            revisit.payloadDigest(new WarcDigest(of.payloadDigest()));
        }
        int bodyBytes = notModified ? e.bodyLength() : 0;
        block(revisit, MediaType.HTTP_RESPONSE, e.responseHead(), e.body(), bodyBytes);
        return gzipped(afterRequest(e, revisit, revisitId));
    }

    /**
     * The record, after the request record when the request is known: the two linked both ways by
     * WARC-Concurrent-To, so a reader holding either finds the other.
     */
    private static WarcRecord[] afterRequest(WarcExchange e, WarcCaptureRecord.AbstractBuilder<?, ?> record, URI recordId) {
        if (e.requestHead() == null) {
            return new WarcRecord[] {record.build()};
        }
        URI requestId = newId();
        record.concurrentTo(requestId);
        WarcRequest.Builder request = new WarcRequest.Builder(e.targetUri()).concurrentTo(recordId);
        captureFields(request, e, requestId);
        block(request, MediaType.HTTP_REQUEST, e.requestHead(), new byte[0], 0);
        return new WarcRecord[] {request.build(), record.build()};
    }

    /** The warcinfo record that opens a file. */
    static byte[] warcinfo(String filename, WarcInfo info, Instant now) throws IOException {
        Warcinfo.Builder builder = new Warcinfo.Builder()
                .version(MessageVersion.WARC_1_1)
                .recordId(newId())
                .date(warcDate(now))
                .filename(filename)
                .fields(info.fields());
        return gzipped(builder.build());
    }

    private static void captureFields(WarcCaptureRecord.AbstractBuilder<?, ?> builder, WarcExchange e, URI id) {
        builder.version(MessageVersion.WARC_1_1).recordId(id).date(warcDate(e.fetchedAt()));
        if (e.ip() != null) {
            builder.ipAddress(e.ip());
        }
    }

    /** The block is head then body, passed to jwarc as a channel over the caller's arrays, without a copy. */
    private static void block(WarcCaptureRecord.AbstractBuilder<?, ?> builder, MediaType type, byte[] head,
                              byte[] body, int bodyLength) {
        MessageDigest sha1 = PayloadDigest.sha1();
        sha1.update(head);
        sha1.update(body, 0, bodyLength);
        ReadableByteChannel bytes = Channels.newChannel(new SequenceInputStream(
                new ByteArrayInputStream(head), new ByteArrayInputStream(body, 0, bodyLength)));
        builder.blockDigest(new WarcDigest(PayloadDigest.format(sha1)))
                .body(type, bytes, (long) head.length + bodyLength);
    }

    /**
     * Each record as a gzip member of its own, compressed at {@link #GZIP_LEVEL}. Not jwarc's own GZIP writer: it
     * deflates at level 9, which cost a 20,000-page crawl 3.7 times the CPU of the crawl without --warc
     * (docs/BENCHMARKS.md); the members are the same standard gzip either way.
     */
    private static byte[] gzipped(WarcRecord... records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        for (WarcRecord record : records) {
            try (GZIPOutputStream member = new LeveledGzip(out)) {
                new WarcWriter(Channels.newChannel(member), WarcCompression.NONE).write(record);
            }
        }
        return out.toByteArray();
    }

    /**
     * zlib's fastest level: on the benchmark site's pages it made gzip 2.2 times faster than levels 6 and 9 for
     * 9 % more bytes (47 % of the input instead of 43 %); the archive's cost is its gzip, paid on the fetch threads.
     */
    static final int GZIP_LEVEL = java.util.zip.Deflater.BEST_SPEED;

    /** A gzip member at {@link #GZIP_LEVEL}; closing it finishes the member (and closes nothing that matters). */
    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(java.io.OutputStream out) throws IOException {
            super(out, 8192);
            def.setLevel(GZIP_LEVEL);
        }
    }

    /** WARC-Date at millisecond precision (WARC/1.1 allows fractions; finer ones only make the field longer). */
    private static Instant warcDate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static URI newId() {
        return URI.create("urn:uuid:" + UUID.randomUUID());
    }

    /** The status code of a response head's status line, or -1 when it has none that parses. */
    static int statusOf(byte[] head) {
        String line = new String(head, 0, Math.min(head.length, 64), StandardCharsets.ISO_8859_1);
        int space = line.indexOf(' ');
        if (space < 0 || space + 4 > line.length()) {
            return -1;
        }
        String code = line.substring(space + 1, space + 4);
        return code.chars().allMatch(Character::isDigit) ? Integer.parseInt(code) : -1;
    }
}
