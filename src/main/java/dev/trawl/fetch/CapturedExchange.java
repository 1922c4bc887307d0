package dev.trawl.fetch;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * One HTTP exchange as it went over the wire, handed to an {@link ExchangeSink} by the transport: what an archive
 * (WARC) records. Nothing here is decoded or re-serialized.
 *
 * <p>{@code request}: the request bytes as written (request line, headers, blank line). {@code responseHead}: the
 * final status line and headers as received, through the blank line (1xx interim responses left out); a transport
 * that does not speak HTTP/1.x on the wire (HTTP/2) gives the head rendered in HTTP/1.1 form. {@code body}: its
 * first {@code bodyLength} bytes are the message body as received, content coding (gzip) and transfer coding
 * (chunk lines, trailers) kept, at most --max-body bytes. {@code cut} says whether and why the body stops before its
 * end. {@code ip}: the address the response came from, or null when not known (through a proxy).
 *
 * <p>The arrays belong to the transport and stay valid, unchanged, only until {@link ExchangeSink#captured}
 * returns; a sink that keeps them longer copies them.
 */
public record CapturedExchange(String url, Instant startedAt, InetAddress ip, byte[] request, byte[] responseHead,
                               byte[] body, int bodyLength, Cut cut) {
    /** Why a captured body is shorter than the response the server meant to send. */
    public enum Cut {
        /** The body is complete. */
        NONE,
        /** Cut at --max-body. */
        LENGTH,
        /** Cut at the request's deadline (--timeout). */
        TIME,
        /** The server closed or reset the connection before the body ended. */
        DISCONNECT,
        /** The body ended in a way trawl could not read on (broken chunk framing, a bad coding). */
        UNSPECIFIED
    }

    public CapturedExchange {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(responseHead, "responseHead");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(cut, "cut");
        if (bodyLength < 0 || bodyLength > body.length) {
            throw new IllegalArgumentException("bodyLength " + bodyLength + " outside the body array of " + body.length + " bytes");
        }
    }
}
