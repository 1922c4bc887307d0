package dev.trawl.fetch;

import dev.trawl.memory.MemoryBudget;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.http.HttpTimeoutException;
import java.time.Instant;

/**
 * The bytes of one request's exchange as they pass through an {@link Http1Connection}, for an {@link ExchangeSink}:
 * the request as written, the final response head as received, and the body with its framing. Only a chunked body
 * is copied here as it is read (its chunk lines are the wire's, gone once de-chunked); any other body is the
 * {@link BodySink}'s own buffer, which holds exactly the bytes received, so it is never held twice.
 *
 * <p>Every array is charged to the page's memory claim; the copied body is bounded by --max-body ({@link #wireCut}
 * past it) and the head by the head limit. One request (with its stale-connection retry) at a time.
 */
final class WireTap {
    private static final int MAX_HEAD = 2 * ResponseHead.MAX_HEAD_BYTES; // CR LF and a bare LF counted generously
    private final long bodyLimit;
    private final MemoryBudget.Claim claim;
    private byte[] request;
    private Instant startedAt;
    private InetAddress ip;
    private BodyBuffer head;
    private BodyBuffer wire;
    private boolean recording;
    private boolean headDone;
    private boolean wireCut;
    private byte[] body;
    private int bodyLength;
    private long bodyCharge;

    WireTap(long bodyLimit, MemoryBudget.Claim claim) {
        this.bodyLimit = bodyLimit;
        this.claim = claim;
    }

    /** A new attempt on a connection: what an earlier attempt (a stale pooled connection) captured goes. */
    void begin(byte[] request, InetAddress ip) {
        release();
        this.request = request;
        this.ip = ip;
        this.startedAt = Instant.now();
        claim.adopt(request.length);
        head = new BodyBuffer(MAX_HEAD, claim);
        recording = true;
    }

    /** A status line starts: an interim (1xx) head read before it is not the response's. */
    void headStarts() {
        if (headDone || head == null) return;
        head.discard();
        head = new BodyBuffer(MAX_HEAD, claim);
    }

    /** The final head is read; the body's bytes are copied too only when {@code copyBody} (chunked framing). */
    void headEnds(boolean copyBody) {
        headDone = true;
        recording = copyBody;
        if (copyBody) wire = new BodyBuffer(bodyLimit, claim);
    }

    /** Bytes the connection consumed: the head's, or a chunked body's with its framing. */
    void consumed(byte[] src, int off, int len) throws HttpTimeoutException {
        if (!recording || len <= 0) return;
        BodyBuffer into = headDone ? wire : head;
        int room = (int) Math.min(len, (headDone ? bodyLimit : MAX_HEAD) - into.length());
        try {
            into.append(src, off, room);
        } catch (BodyTooLargeException e) {
            room = 0; // the page's memory share is spent: the record ends here, cut
        }
        if (room < len) {
            recording = false;
            wireCut = true;
        }
    }

    /**
     * The body is the sink's buffer (any framing but chunked): its first length bytes. charge: what of it this tap
     * gives back to the claim once the sink is done (0 when the answer keeps the array).
     */
    void bodyIs(byte[] bytes, int length, long charge) {
        if (headDone && wire == null) {
            body = bytes;
            bodyLength = length;
            bodyCharge = charge;
        }
    }

    boolean hasHead() {
        return headDone;
    }

    /** The exchange as captured; cut is the reason the read ended early, if it did. */
    CapturedExchange exchange(String url, CapturedExchange.Cut cut) {
        byte[] headBytes = head.exact();
        byte[] bytes = wire != null ? wire.array() : body == null ? new byte[0] : body;
        int length = wire != null ? wire.length() : body == null ? 0 : bodyLength;
        CapturedExchange.Cut why = wireCut && cut == CapturedExchange.Cut.NONE ? CapturedExchange.Cut.LENGTH : cut;
        return new CapturedExchange(url, startedAt, ip, request, headBytes, bytes, length, why);
    }

    /** Why a read that failed with e (after the head) stopped: the WARC-Truncated reason of what it got. */
    static CapturedExchange.Cut cutOf(IOException e) {
        return switch (e) {
            case BodyTooLargeException x -> CapturedExchange.Cut.LENGTH;
            case HttpTimeoutException x -> CapturedExchange.Cut.TIME;
            case EOFException x -> CapturedExchange.Cut.DISCONNECT;
            case SocketException x -> CapturedExchange.Cut.DISCONNECT;
            default -> CapturedExchange.Cut.UNSPECIFIED;
        };
    }

    /** Gives back to the claim everything this tap holds. */
    void release() {
        if (request != null) claim.release(request.length);
        if (head != null) head.discard();
        if (wire != null) wire.discard();
        claim.release(bodyCharge);
        request = null;
        head = null;
        wire = null;
        body = null;
        bodyCharge = 0;
        headDone = false;
        wireCut = false;
        recording = false;
    }
}
