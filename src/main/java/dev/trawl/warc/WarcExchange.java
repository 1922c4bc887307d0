package dev.trawl.warc;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * One HTTP exchange as it went over the wire, the input of the archive: the bytes are written to the WARC file as
 * given, never re-serialized.
 *
 * <p>{@code requestHead} is the request exactly as sent (request line, headers, the blank line, and a request body
 * if there was one); null when the request is not known (an export from a store that kept no requests), and then
 * only the response record is written. {@code responseHead} is the status line and headers exactly as received,
 * up to and including the blank line, in HTTP/1.x form (an HTTP/2 response is rendered in that form by the
 * transport, as other archiving crawlers do). {@code body} holds the message body as received, before any
 * decoding: content coding (gzip, br) kept, and transfer coding too (a chunked body keeps its chunk lines), so
 * the record replays as the server sent it. Only its first {@code bodyLength} bytes are used, which lets the
 * fetcher hand over its read buffer without a copy; the array must not change while the archive holds it, which
 * is until {@link WarcArchive#write} returns.
 *
 * <p>{@code ip} is the address the response came from, or null when not known. {@code truncation} says whether
 * and why the body was cut before its end.
 */
public record WarcExchange(String targetUri, Instant fetchedAt, InetAddress ip, byte[] requestHead,
                           byte[] responseHead, byte[] body, int bodyLength, Truncation truncation) {
    public WarcExchange {
        Objects.requireNonNull(targetUri, "targetUri");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(responseHead, "responseHead");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(truncation, "truncation");
        // The URI becomes a header line: a space or line break in it would end the field early or forge another.
        if (targetUri.isEmpty() || targetUri.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("targetUri is empty or holds a space or control character: " + targetUri.strip());
        }
        if (bodyLength < 0 || bodyLength > body.length) {
            throw new IllegalArgumentException("bodyLength " + bodyLength + " outside the body array of " + body.length + " bytes");
        }
        if (responseHead.length == 0) {
            throw new IllegalArgumentException("responseHead is empty for " + targetUri);
        }
    }

    /** A complete exchange whose body is the whole array. */
    public static WarcExchange complete(String targetUri, Instant fetchedAt, InetAddress ip, byte[] requestHead,
                                        byte[] responseHead, byte[] body) {
        return new WarcExchange(targetUri, fetchedAt, ip, requestHead, responseHead, body, body.length, Truncation.NONE);
    }

    /** The same exchange marked as cut before its end (or as complete, with {@link Truncation#NONE}). */
    public WarcExchange withTruncation(Truncation value) {
        return new WarcExchange(targetUri, fetchedAt, ip, requestHead, responseHead, body, bodyLength, value);
    }

    /** The same exchange with its body cut to at most {@code maxBodyBytes}, marked {@link Truncation#LENGTH} if cut. */
    WarcExchange limitedTo(long maxBodyBytes) {
        if (bodyLength <= maxBodyBytes) {
            return this;
        }
        return new WarcExchange(targetUri, fetchedAt, ip, requestHead, responseHead, body, (int) maxBodyBytes, Truncation.LENGTH);
    }
}
