package dev.trawl.fetch;

import java.io.EOFException;
import java.io.IOException;

/** Reads a response body as its head frames it (RFC 9112 §6.3). */
final class BodyReader {
    private BodyReader() {}

    /** How the body's end is found. */
    enum Framing {
        NONE, LENGTH, CHUNKED, UNTIL_CLOSE;

        static Framing of(ResponseHead head) {
            if (head.hasNoBody()) return NONE;
            if (head.isChunked()) return CHUNKED;
            if (head.transferEncoding() != null) return UNTIL_CLOSE; // a coding we cannot delimit (rule 4)
            if (head.contentLength() >= 0) return LENGTH;
            return UNTIL_CLOSE;
        }
    }

    /**
     * Reads the whole body; throws BodyTooLargeException past limit (at once when Content-Length says so),
     * EOFException when the connection ends before a delimited body does.
     */
    static RawBody read(Http1Connection connection, ResponseHead head, Framing framing, boolean keep, long limit)
            throws IOException {
        if (framing == Framing.LENGTH && head.contentLength() > limit) throw new BodyTooLargeException(limit);
        return read(connection, head, framing, new BodySink(keep, limit, connection.deadline()));
    }

    /**
     * Reads the whole body into sink, whatever Content-Length announces: the sink's limit stops it. For a capture,
     * which keeps the first --max-body bytes of a longer body.
     */
    static RawBody read(Http1Connection connection, ResponseHead head, Framing framing, BodySink sink) throws IOException {
        switch (framing) {
            case NONE -> { }
            case LENGTH -> readExactly(connection, sink, head.contentLength());
            case CHUNKED -> ChunkedBody.read(connection, sink);
            case UNTIL_CLOSE -> {
                while (sink.readFrom(connection, Long.MAX_VALUE) >= 0) {
                    // to the end of the stream
                }
            }
        }
        return sink.result();
    }

    static void readExactly(Http1Connection connection, BodySink sink, long length) throws IOException {
        long left = length;
        while (left > 0) {
            long n = sink.readFrom(connection, left);
            if (n < 0) throw new EOFException("connection closed with " + left + " of " + length + " body bytes missing");
            left -= n;
        }
    }
}
